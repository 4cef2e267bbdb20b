// The one tRPC setup every service uses: superjson (Dates and the like survive the wire), the
// shared error formatter, and every procedure traced, relaying downstream failures faithfully,
// shedding load as SERVICE_BUSY when its database pool is saturated, and failing on purpose when
// the service.errors flag says so.
// Call it once per service. There is no per-request context: a service's routers are built by
// functions that receive their dependencies (repositories, clients), which tests can replace.
import { tracedProcedure } from "@shop/telemetry";
import { TRPCClientError } from "@trpc/client";
import { initTRPC } from "@trpc/server";
import type { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { isBackpressure, serviceBusy } from "./backpressure.ts";
import { DomainError, isDomainCode } from "./domain-errors.ts";
import { formatServiceError } from "./error-formatter.ts";
import type { ServiceErrorData } from "./error-formatter.ts";
import { injectedFault } from "./fault-injection.ts";

/**
 * A failure of a service we called, as a DomainError of ours: its domain code when it had one (an
 * out-of-stock stays an out-of-stock, and stays expected), else what kind of failure it was.
 */
export function fromDownstream(service: string, error: TRPCClientError<never>): DomainError {
  if (error.cause instanceof DomainError) return error.cause;
  const data = error.data as Partial<ServiceErrorData> | undefined;
  if (isDomainCode(data?.domainCode)) {
    return new DomainError(data.domainCode, error.message, {
      cause: error,
      ...(data.details ? { details: data.details } : {}),
    });
  }
  if (!data)
    return new DomainError("DEPENDENCY_UNAVAILABLE", `${service} is unavailable: ${error.message}`, {
      cause: error,
    });
  // The dependency refused what we passed on (a postal code only the shipping service can judge):
  // the caller's input was wrong, and its field messages are worth keeping.
  if (data.code === "BAD_REQUEST") {
    return new DomainError("INVALID_INPUT", error.message, {
      cause: error,
      ...(data.fieldErrors ? { details: { fieldErrors: data.fieldErrors } } : {}),
    });
  }
  return new DomainError("DEPENDENCY_FAILED", `${service} failed: ${error.message}`, { cause: error });
}

/**
 * For a procedure's middleware: the DomainError a downstream client error stands for, or undefined
 * when the procedure failed on its own.
 */
export function relayedDownstreamError(error: TRPCError): DomainError | undefined {
  if (!(error.cause instanceof TRPCClientError)) return undefined;
  const cause = error.cause as TRPCClientError<never> & { service?: string };
  return fromDownstream(cause.service ?? "a dependency", cause);
}

export function initServiceTRPC(service: string) {
  const t = initTRPC.create({
    transformer: superjson,
    errorFormatter: formatServiceError,
  });

  // A resolver that lets a downstream TRPCClientError escape would otherwise answer 500; the
  // client marks its errors with the service it called, so this can say who failed and how.
  const relayDownstream = t.middleware(async ({ next }) => {
    const result = await next();
    if (result.ok) return result;
    const relayed = relayedDownstreamError(result.error);
    return relayed ? { ...result, error: relayed } : result;
  });

  // A query that waited past the pool's acquire timeout would answer 500 like a bug; it is load
  // to shed instead: 503 SERVICE_BUSY with Retry-After (see service-server.ts).
  const shedWhenBusy = t.middleware(async ({ next }) => {
    const result = await next();
    if (result.ok) return result;
    const { error } = result;
    if (error instanceof DomainError && error.domainCode === "SERVICE_BUSY") return result;
    return isBackpressure(error.cause) ? { ...result, error: serviceBusy(service, error.cause) } : result;
  });

  // Before the resolver, so an injected failure touches no data; inside the procedure's span, so
  // the flag's evaluation is recorded on it.
  const injectFaults = t.middleware(async ({ next }) => {
    const fault = await injectedFault(service);
    if (fault) throw fault;
    return next();
  });

  return {
    router: t.router,
    middleware: t.middleware,
    createCallerFactory: t.createCallerFactory,
    procedure: t.procedure
      .use(tracedProcedure(service))
      .use(relayDownstream)
      .use(shedWhenBusy)
      .use(injectFaults),
  };
}
