// The storefront's security headers. The Content-Security-Policy allows what the page really runs:
// Next's scripts (its inline ones by nonce), the RUM SDK (bundled, so 'self'), and session replay,
// whose recorder runs in a `blob:` worker that loads its compression library (pako) from
// Coralogix's CDN, falling back to cdnjs. RUM data goes to our own proxy route (connect 'self').
// Exact file URLs, not whole hosts: a CDN that serves every library would let an injected script
// tag load one of them (a classic CSP bypass).
export const RUM_WORKER_SCRIPT_URLS = [
  "https://cdn.rum-ingress-coralogix.com/coralogix/browser/latest/pako_deflate.es5.min.js",
  "https://cdnjs.cloudflare.com/ajax/libs/pako/2.1.0/pako_deflate.es5.min.js",
];

export function contentSecurityPolicy(nonce: string, options: { https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${RUM_WORKER_SCRIPT_URLS.join(" ")}`,
    // React and the replay recorder set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(nonce: string, options: { https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
