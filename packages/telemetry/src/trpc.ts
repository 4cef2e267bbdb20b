// One span per tRPC procedure, inside the HTTP server span. tRPC middleware never sees a thrown
// error (`await next()` resolves to a result), so the span's status comes from `result.ok`:
// - a domain error marked `expected` (card declined, out of stock) is a business outcome: the
//   span stays OK, with shop.outcome and an event, never an error;
// - a server-side failure (INTERNAL_SERVER_ERROR and the other 5xx codes) sets status ERROR,
//   error.type (the domain error's code, else the error's class), an exception event and an
//   error log carrying the trace id;
// - a client error (BAD_REQUEST, NOT_FOUND...) keeps status unset, as the RPC conventions say for
//   server spans, but still gets error.type and a warning log.
import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Span } from "@opentelemetry/api";
import { logger } from "./logger.ts";
import { ATTR, EVENT } from "./names.ts";

const tracer = trace.getTracer("@shop/telemetry/trpc");

const SERVER_ERROR_CODES = new Set([
  "INTERNAL_SERVER_ERROR",
  "NOT_IMPLEMENTED",
  "BAD_GATEWAY",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
]);

/**
 * What telemetry reads from a service's domain errors (the service kit's DomainError implements
 * it): the error itself carries `domainCode`, or its cause carries a string `code`.
 */
export interface DomainErrorLike {
  code: string;
  /** An expected business outcome rather than a failure. */
  expected?: boolean;
}

interface TrpcErrorLike {
  code: string;
  message: string;
  cause?: unknown;
  domainCode?: unknown;
  expected?: unknown;
}

type ResultLike = { ok: true } | { ok: false; error: TrpcErrorLike };

function domainError(cause: unknown): DomainErrorLike | undefined {
  if (typeof cause !== "object" || cause === null) return undefined;
  const code = (cause as { code?: unknown }).code;
  if (typeof code !== "string") return undefined;
  return { code, expected: (cause as { expected?: unknown }).expected === true };
}

/** Marks the active span with an expected business outcome (declined card, out of stock...). */
export function recordOutcome(outcome: string, attributes: Record<string, string | number | boolean> = {}) {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute(ATTR.OUTCOME, outcome);
  span.addEvent(EVENT.OUTCOME, { [ATTR.OUTCOME]: outcome, ...attributes });
}

/**
 * Marks the active span when an optional dependency failed and the caller went on without it (a
 * product page without recommendations): a warning, not an error of this span, and a log line.
 */
export function recordDegradation(dependency: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const span = trace.getActiveSpan();
  span?.setAttribute(ATTR.DEGRADED_DEPENDENCY, dependency);
  span?.addEvent(EVENT.DEGRADED, { [ATTR.DEGRADED_DEPENDENCY]: dependency, "exception.message": message });
  logger.warn({ dependency, err: message }, `${dependency} failed; carrying on without it`);
}

/** One line for a rejected call: validation failures name their fields instead of dumping issues. */
function rejectionSummary(error: TrpcErrorLike): string {
  const issues = (error.cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return error.message;
  const fields = issues.map(
    (issue: { path?: unknown[] }) => (issue.path ?? []).map(String).join(".") || "(input)",
  );
  return `invalid input (${[...new Set(fields)].join(", ")})`;
}

function describeFailure(span: Span, procedure: string, error: TrpcErrorLike) {
  const domain =
    typeof error.domainCode === "string"
      ? { code: error.domainCode, expected: error.expected === true }
      : domainError(error.cause);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const errorType = domain?.code ?? (cause && cause.name !== "Error" ? cause.name : error.code);
  span.setAttribute(ATTR.TRPC_ERROR_CODE, error.code);
  if (domain?.expected) {
    span.setAttribute(ATTR.OUTCOME, domain.code);
    span.addEvent(EVENT.OUTCOME, { [ATTR.OUTCOME]: domain.code });
    return;
  }
  span.setAttribute(ATTR.ERROR_TYPE, errorType);
  const fields = { "rpc.method": procedure, "error.type": errorType, "trpc.error_code": error.code };
  if (SERVER_ERROR_CODES.has(error.code)) {
    span.recordException(cause ?? { name: errorType, message: error.message });
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    logger.error({ ...fields, err: cause ?? error }, `${procedure} failed: ${error.message}`);
  } else {
    logger.warn(fields, `${procedure} rejected: ${rejectionSummary(error)}`);
  }
}

/**
 * tRPC middleware for a service's procedures: `t.procedure.use(tracedProcedure("catalog"))`.
 * Generic over tRPC's own option and result types, so it needs nothing from the service's router.
 */
export function tracedProcedure(service: string) {
  return async function traced<R extends ResultLike>(opts: {
    path: string;
    type: string;
    next: () => Promise<R>;
  }): Promise<R> {
    const span = tracer.startSpan(`${service}/${opts.path}`, {
      attributes: {
        [ATTR.RPC_SYSTEM]: "trpc",
        [ATTR.RPC_SERVICE]: service,
        [ATTR.RPC_METHOD]: opts.path,
        "trpc.procedure.type": opts.type,
      },
    });
    const active = trace.setSpan(context.active(), span);
    try {
      const result = await context.with(active, opts.next);
      // Inside the span's context, so the failure's log line carries this span's ids.
      if (!result.ok) {
        context.with(active, () => {
          describeFailure(span, opts.path, result.error);
        });
      }
      return result;
    } finally {
      span.end();
    }
  };
}
