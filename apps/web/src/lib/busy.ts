// "The shop is busy": what a shopper reads when the services shed load (HTTP 503 + Retry-After,
// domain code SERVICE_BUSY), said the same way on every page and every form.
export const BUSY_MESSAGE = "We're busy right now, please try again in a moment.";

/** The domain code a service answers with while it sheds load. */
export const BUSY_DOMAIN_CODE = "SERVICE_BUSY";

/**
 * Server-rendering errors reach the browser as a digest only (Next hides their message in
 * production); a busy error carries a digest with this prefix so the error page can tell.
 */
export const BUSY_DIGEST_PREFIX = "SHOP_BUSY";

export function isBusyDigest(digest: string | undefined): boolean {
  return digest?.startsWith(BUSY_DIGEST_PREFIX) ?? false;
}
