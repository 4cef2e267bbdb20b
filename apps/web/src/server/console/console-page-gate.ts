// The console page's door, run by the proxy before the page renders: /console?token=<token> trades
// the token for the console cookie and redirects to /console (so the token does not stay in the
// address bar, the history or the access logs); any other request needs the cookie.
import { checkConsoleAccess, consoleCookies, consoleUnauthorized, presentedToken } from "./console-auth.ts";

export const CONSOLE_PAGE = "/console";

export function isConsolePage(pathname: string): boolean {
  return pathname === CONSOLE_PAGE || pathname.startsWith(`${CONSOLE_PAGE}/`);
}

/** A response that ends the request (401, or the redirect that sets the cookie); undefined: let it in. */
export function consolePageGate(
  url: URL,
  headers: Headers,
  options: { expected: string | undefined; https: boolean },
): Response | undefined {
  const fromUrl = url.searchParams.get("token");
  const access = checkConsoleAccess(fromUrl ?? presentedToken(headers), options.expected);
  if (!access.ok) return consoleUnauthorized(access.message, "html");
  if (fromUrl === null) return undefined;

  const clean = new URLSearchParams(url.searchParams);
  clean.delete("token");
  const query = clean.toString();
  // Absolute: Next's proxy refuses a relative Location (and makes a same-origin one relative).
  const location = new URL(`${url.pathname}${query ? `?${query}` : ""}`, url);
  const response = new Response(null, {
    status: 303,
    headers: { location: location.toString(), "cache-control": "no-store" },
  });
  for (const cookie of consoleCookies(fromUrl, { secure: options.https })) {
    response.headers.append("set-cookie", cookie);
  }
  return response;
}
