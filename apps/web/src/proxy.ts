// Runs before every page and API route: a fresh CSP nonce per request (Next reads it from the
// request's CSP header and puts it on its own inline scripts), and the security headers. The
// presenter console's page is let in here only with its token (its API routes check on their own).
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { webEnv } from "./env.ts";
import { isHttps } from "./lib/forwarded-proto.ts";
import { securityHeaders } from "./security-headers.ts";
import { consolePageGate, isConsolePage } from "./server/console/console-page-gate.ts";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = isHttps(new URL(request.url), request.headers);
  const headers = securityHeaders(nonce, { https });
  const csp = headers["Content-Security-Policy"] ?? "";

  if (isConsolePage(request.nextUrl.pathname)) {
    const refused = consolePageGate(new URL(request.url), request.headers, {
      expected: webEnv().CONSOLE_TOKEN,
      https,
    });
    if (refused) {
      for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
      return refused;
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files and images need no nonce; everything else gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image|images/|favicon.ico).*)" }],
};
