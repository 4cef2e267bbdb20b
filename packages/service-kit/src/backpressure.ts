// Backpressure: a service whose database pool stayed saturated for the whole acquire timeout
// answers 503 SERVICE_BUSY with Retry-After instead of a 500, so callers can tell "come back
// later" from "broken", and the storefront and the bots can back off like people do.
import { DomainError } from "./domain-errors.ts";

/**
 * Codes of errors that mean "a dependency is saturated": @shop/db's ConnectionAcquireTimeoutError.
 * Matched by code because Prisma rethrows it as its own error class, keeping only the code.
 */
export const BACKPRESSURE_ERROR_CODES: ReadonlySet<string> = new Set(["DB_CONNECTION_ACQUIRE_TIMEOUT"]);

/**
 * What a busy service asks its callers to wait. A couple of seconds: long enough for a pool to
 * drain its queue, short enough that a person retrying is not kept waiting.
 */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** Whether `error`, or anything in its cause chain, says a dependency is saturated. */
export function isBackpressure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 10; depth++) {
    if (typeof current !== "object") return false;
    const { code, backpressure, cause } = current as {
      code?: unknown;
      backpressure?: unknown;
      cause?: unknown;
    };
    if (backpressure === true || (typeof code === "string" && BACKPRESSURE_ERROR_CODES.has(code)))
      return true;
    current = cause;
  }
  return false;
}

export function serviceBusy(service: string, cause: unknown): DomainError {
  return new DomainError("SERVICE_BUSY", `${service} is busy: try again in a moment`, {
    cause,
    details: { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
  });
}

/** The Retry-After a failed call's answer carries: from a SERVICE_BUSY among its errors, if any. */
export function retryAfterSeconds(errors: readonly unknown[]): number | undefined {
  for (const error of errors) {
    if (!(error instanceof DomainError) || error.domainCode !== "SERVICE_BUSY") continue;
    const seconds = error.details?.retryAfterSeconds;
    return typeof seconds === "number" && seconds > 0 ? Math.ceil(seconds) : BUSY_RETRY_AFTER_SECONDS;
  }
  return undefined;
}
