// Who may use the presenter console: whoever presents CONSOLE_TOKEN, as `Authorization: Bearer`
// (API clients, the CLI) or as the console cookie (the page, which got it from /console?token=).
// The token never reaches the browser's scripts: the cookie is HttpOnly and scoped to the console.
import { createHash, timingSafeEqual } from "node:crypto";
import { parseCookieHeader } from "../session-cookies.ts";

export const CONSOLE_COOKIE = "console_token";
/** The cookie goes to these paths only: the page and its API, never the shop's other requests. */
export const CONSOLE_COOKIE_PATHS = ["/console", "/api/console"] as const;
const CONSOLE_COOKIE_MAX_AGE_S = 12 * 3600;

export type ConsoleAccess = { ok: true } | { ok: false; message: string };

/**
 * Constant time whatever the inputs: both sides are hashed first, so neither a byte-by-byte
 * comparison nor a length check can tell an attacker how close a guess was.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token a request presents: its bearer credential if it has one, else the console cookie. */
export function presentedToken(headers: Headers): string | undefined {
  const authorization = headers.get("authorization");
  if (authorization !== null) return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? "";
  return parseCookieHeader(headers.get("cookie")).get(CONSOLE_COOKIE);
}

export function checkConsoleAccess(
  presented: string | undefined,
  expected: string | undefined,
): ConsoleAccess {
  if (!expected) {
    return { ok: false, message: "The presenter console is disabled: set CONSOLE_TOKEN to enable it." };
  }
  if (!presented) {
    return {
      ok: false,
      message:
        "The presenter console needs its token: open /console?token=<token>, or send Authorization: Bearer <token>.",
    };
  }
  if (!tokensMatch(presented, expected)) return { ok: false, message: "That console token is not valid." };
  return { ok: true };
}

/** One Set-Cookie per console path (a cookie has a single Path). */
export function consoleCookies(token: string, options: { secure: boolean }): string[] {
  return CONSOLE_COOKIE_PATHS.map((path) =>
    [
      `${CONSOLE_COOKIE}=${encodeURIComponent(token)}`,
      `Path=${path}`,
      `Max-Age=${String(CONSOLE_COOKIE_MAX_AGE_S)}`,
      "HttpOnly",
      "SameSite=Strict",
      ...(options.secure ? ["Secure"] : []),
    ].join("; "),
  );
}

/** The console's 401: no caching, and the scheme a client should use. */
export function consoleUnauthorized(message: string, as: "json" | "html"): Response {
  const headers = {
    "cache-control": "no-store",
    "www-authenticate": 'Bearer realm="console"',
  };
  if (as === "json") return Response.json({ error: message }, { status: 401, headers });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console: not authorised</title></head><body><main><h1>Presenter console</h1><p>${escapeHtml(message)}</p></main></body></html>`;
  return new Response(page, {
    status: 401,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
