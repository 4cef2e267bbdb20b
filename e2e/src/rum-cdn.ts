// Session replay's worker loads its compression library (pako 2.1.0's pako_deflate.es5.min.js)
// from Coralogix's CDN, falling back to cdnjs. Where neither is reachable (this network, an
// air-gapped lab), the browser tests and the bots answer those URLs with the identical file from
// the npm `pako` package, so recording works offline too. Nothing else is routed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext } from "playwright-core";

export const PAKO_URL =
  /^https:\/\/(cdn\.rum-ingress-coralogix\.com|cdnjs\.cloudflare\.com)\/.*pako_deflate\.es5\.min\.js$/;

let pako: Buffer | undefined;

function pakoDeflateScript(): Buffer {
  pako ??= readFileSync(createRequire(import.meta.url).resolve("pako/dist/pako_deflate.es5.min.js"));
  return pako;
}

export async function serveRumWorkerLibrary(context: BrowserContext) {
  await context.route(PAKO_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/javascript",
      headers: { "access-control-allow-origin": "*", "cache-control": "max-age=86400" },
      body: pakoDeflateScript(),
    }),
  );
}
