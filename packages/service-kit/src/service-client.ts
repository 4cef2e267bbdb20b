// Typed clients for calling other services. Every call has a timeout; only queries (HTTP GET in
// tRPC, idempotent by contract) are retried, a bounded number of times with full-jitter backoff,
// on a network error, a timeout or a 502/503/504. Mutations are never retried here: their
// idempotency is the business's to design (checkout's idempotency key), not the transport's.
// A 503 with Retry-After is backpressure (SERVICE_BUSY) and is never retried either: the busy
// service asked for seconds, not our few hundred milliseconds of backoff, and every layer retrying
// an overloaded service multiplies its load (3 attempts at each of 3 hops is 27 calls). The error
// goes back up as SERVICE_BUSY, with its retryAfterSeconds, to the edge (storefront, bots), the
// one place that waits as asked.
import { createTRPCClient, httpLink } from "@trpc/client";
import type { TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import { DomainError } from "./domain-errors.ts";

const RETRYABLE_STATUS = new Set([502, 503, 504]);

export interface ServiceClientOptions {
  /** The service called, for error messages and telemetry. */
  service: string;
  url: string;
  timeoutMs?: number;
  /** Extra attempts for queries. */
  retries?: number;
  backoffMs?: { base: number; cap: number };
  /** For tests: the fetch to wrap. */
  fetch?: typeof fetch;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function resilientFetch(options: ServiceClientOptions): typeof fetch {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const retries = options.retries ?? 2;
  const { base, cap } = options.backoffMs ?? { base: 50, cap: 500 };
  const send = options.fetch ?? fetch;
  return async (input, init) => {
    const idempotent = (init?.method ?? "GET").toUpperCase() === "GET";
    for (let attempt = 0; ; attempt++) {
      const canRetry = idempotent && attempt < retries;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal ? AbortSignal.any([timeout, init.signal]) : timeout;
      try {
        const response = await send(input, { ...init, signal });
        const backpressure = response.headers.has("retry-after");
        if (!canRetry || !RETRYABLE_STATUS.has(response.status) || backpressure) return response;
        await response.body?.cancel();
      } catch (error) {
        if (init?.signal?.aborted) throw error;
        if (!canRetry) {
          const message = error instanceof Error ? error.message : String(error);
          throw timeout.aborted
            ? new DomainError(
                "DEPENDENCY_TIMEOUT",
                `${options.service} did not answer within ${String(timeoutMs)} ms`,
              )
            : new DomainError("DEPENDENCY_UNAVAILABLE", `${options.service} is unreachable: ${message}`);
        }
      }
      await sleep(Math.random() * Math.min(cap, base * 2 ** attempt));
    }
  };
}

/** Marks every error of this client with the service called, so the relay can name who failed. */
function serviceNameLink<TRouter extends AnyRouter>(service: string): TRPCLink<TRouter> {
  return () =>
    ({ next, op }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => {
            observer.next(value);
          },
          error: (error) => {
            observer.error(Object.assign(error, { service }));
          },
          complete: () => {
            observer.complete();
          },
        }),
      );
}

export function createServiceClient<TRouter extends AnyRouter>(options: ServiceClientOptions) {
  return createTRPCClient<TRouter>({
    links: [
      serviceNameLink<TRouter>(options.service),
      // The transformer must match the server's (initServiceTRPC): superjson for every service.
      // TypeScript cannot see that through a generic router, hence the cast.
      httpLink({
        url: options.url,
        transformer: superjson,
        fetch: resilientFetch(options),
      } as unknown as Parameters<typeof httpLink<TRouter>>[0]),
    ],
  });
}
