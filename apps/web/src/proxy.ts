// Runs before every page and API route: a fresh CSP nonce per request (Next reads it from the
// request's CSP header and puts it on its own inline scripts), and the security headers.
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { isHttps } from "./lib/forwarded-proto.ts";
import { securityHeaders } from "./security-headers.ts";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = isHttps(new URL(request.url), request.headers);
  const headers = securityHeaders(nonce, { https });
  const csp = headers["Content-Security-Policy"] ?? "";

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
