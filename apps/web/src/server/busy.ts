// Recognising a busy service behind a storefront failure, for the API route (503 + Retry-After to
// the browser) and for server rendering (the polite "busy" page instead of the generic error).
import { randomUUID } from "node:crypto";
import { BUSY_RETRY_AFTER_SECONDS } from "@shop/service-kit";
import { BUSY_DIGEST_PREFIX, BUSY_DOMAIN_CODE } from "../lib/busy.ts";

/** When the service did not say how long to wait: the services' own default. */
export const DEFAULT_RETRY_AFTER_S = BUSY_RETRY_AFTER_SECONDS;

interface BusyLike {
  domainCode?: unknown;
  details?: { retryAfterSeconds?: unknown };
}

export function isBusyError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as BusyLike).domainCode === BUSY_DOMAIN_CODE;
}

/** Seconds the browser should wait: what the service said, within reason, or the default. */
export function retryAfterSeconds(error: unknown): number {
  const said = (error as BusyLike | undefined)?.details?.retryAfterSeconds;
  return typeof said === "number" && Number.isFinite(said) && said >= 1
    ? Math.min(Math.ceil(said), 60)
    : DEFAULT_RETRY_AFTER_S;
}

/** Marks a busy error for the error page (Next keeps a digest an error already has). */
export function markBusyForErrorPage(error: unknown): void {
  if (isBusyError(error)) Object.assign(error as object, { digest: `${BUSY_DIGEST_PREFIX}:${randomUUID()}` });
}
