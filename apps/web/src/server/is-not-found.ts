// Whether a storefront API failure means "there is no such thing" (a 404 page, not an error page).
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "NOT_FOUND";
}

/** Whether it means the request itself was malformed (a hand-edited URL, say). */
export function isBadRequest(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "BAD_REQUEST";
}
