// One measured visit of a storefront page in a fresh browser context (a first-time visitor: empty
// HTTP cache, no cookies), optionally followed by a second load of the same URL in the same context
// (warm cache). What is read, and how:
//   TTFB  the Navigation Timing entry: responseStart - requestStart (the server's time to the first
//         byte), and responseStart itself (from navigation start: also connection setup)
//   FCP   the paint timing entry "first-contentful-paint"
//   LCP   the last entry a PerformanceObserver({ type: "largest-contentful-paint", buffered: true })
//         saw, injected with addInitScript before any page script; read after the load event and
//         network idle (500 ms without requests), with no input on the page, so the value is final
//   JS    every response that is a script (resource type "script", or a JavaScript content type:
//         the session-replay worker's library is fetched as "other"), captured with its body
//         until network idle: raw bytes, bytes on the wire (the encoded body as transferred) and
//         gzip bytes (node:zlib gzipSync at its default level 6 of the decoded body, whatever the
//         server sent, so the number does not depend on the server's compression settings)
import { gzipSync } from "node:zlib";
import type { Browser, Page, Request, Response } from "playwright-core";
import { serveRumWorkerLibrary } from "../src/rum-cdn.ts";

export const VIEWPORT = { width: 1280, height: 800 };
const NETWORK_IDLE_TIMEOUT_MS = 15_000;

export interface LoadTimings {
  /** responseStart - requestStart of the navigation. */
  ttfbMs: number;
  /** responseStart from navigation start (includes connecting). */
  responseStartMs: number;
  fcpMs: number | null;
  lcpMs: number | null;
  /** What the LCP element was: tag and image URL path or the start of its text. */
  lcpElement: string;
  loadEventMs: number;
  /** Bytes the page's script resources took from the network (Resource Timing transferSize). */
  scriptTransferBytes: number;
  /** False when the network never went idle for 500 ms within the timeout (read anyway). */
  networkIdle: boolean;
}

export interface ScriptLoad {
  url: string;
  /** Path for the storefront's own scripts, host + path for anything else. */
  name: string;
  status: number;
  /** Referenced by the page's HTML (script tags, preloads, the inline RSC payload). */
  inHtml: boolean;
  /** Requested before the page's load event fired. */
  beforeLoad: boolean;
  contentEncoding: string;
  rawBytes: number;
  wireBytes: number;
  gzipBytes: number;
  /** Guesses at what the chunk holds, from strings in it (react-dom, rrweb, ...). */
  hints: string[];
}

export interface VisitResult {
  url: string;
  cold: LoadTimings;
  warm: LoadTimings | undefined;
  scripts: ScriptLoad[];
  warnings: string[];
}

interface Vitals {
  lcp: { startTime: number; element: string }[];
}

/** Runs in the page before any of its scripts (addInitScript): records every LCP candidate. */
function observeLargestContentfulPaint() {
  const vitals: Vitals = { lcp: [] };
  (window as unknown as { __benchVitals: Vitals }).__benchVitals = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LargestContentfulPaint[]) {
      const tag = entry.element?.tagName.toLowerCase() ?? "?";
      const what = entry.url
        ? new URL(entry.url).pathname
        : (entry.element?.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      vitals.lcp.push({ startTime: entry.startTime, element: `${tag} ${what}` });
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
}

/** Runs in the page after settling: the timings of the current document. */
function readTimings() {
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const lcp = (window as unknown as { __benchVitals?: Vitals }).__benchVitals?.lcp.at(-1);
  let scriptTransferBytes = 0;
  for (const entry of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
    if (entry.initiatorType === "script") scriptTransferBytes += entry.transferSize;
  }
  return {
    ttfbMs: nav ? nav.responseStart - nav.requestStart : NaN,
    responseStartMs: nav ? nav.responseStart : NaN,
    fcpMs: fcp ? fcp.startTime : null,
    lcpMs: lcp ? lcp.startTime : null,
    lcpElement: lcp ? lcp.element : "",
    loadEventMs: nav ? nav.loadEventStart : NaN,
    scriptTransferBytes,
  };
}

const HINTS: [RegExp, string][] = [
  [/__reactFiber/, "react-dom"],
  [/next-router-state-tree/, "next router"],
  [/rrweb/, "rrweb (session replay)"],
  [/opentelemetry/, "@coralogix/browser + OpenTelemetry"],
  [/CoralogixRum/, "RUM init"],
  [/trpc/i, "tRPC client"],
  [/superjson/i, "superjson"],
  [/pako/, "pako"],
];

function hintsOf(body: string): string[] {
  const found: string[] = [];
  for (const [pattern, hint] of HINTS) {
    // The SDK's and the recorder's chunks name CoralogixRum and pako's URL too: those two hints
    // only for a chunk that is neither.
    const library = found.some((h) => h.startsWith("@coralogix") || h.startsWith("rrweb"));
    if ((hint === "RUM init" || hint === "pako") && library) continue;
    if (pattern.test(body)) found.push(hint);
  }
  return found;
}

function isScript(response: Response): boolean {
  const type = response.request().resourceType();
  if (type === "script") return true;
  if (type === "document") return false;
  return /javascript|ecmascript/.test(response.headers()["content-type"] ?? "");
}

async function scriptLoad(response: Response, pageOrigin: string, beforeLoad: boolean): Promise<ScriptLoad> {
  const request = response.request();
  const url = new URL(response.url());
  const body = await response.body();
  // Body bytes as they came over the wire; a response Playwright fulfilled itself has no sizes.
  const sizes = await request.sizes().catch(() => undefined);
  const contentEncoding = response.headers()["content-encoding"] ?? "identity";
  return {
    url: url.toString(),
    name: url.origin === pageOrigin ? url.pathname : `${url.host}${url.pathname}`,
    status: response.status(),
    inHtml: false,
    beforeLoad,
    contentEncoding,
    rawBytes: body.length,
    wireBytes: sizes && sizes.responseBodySize > 0 ? sizes.responseBodySize : body.length,
    gzipBytes: gzipSync(body).length,
    hints: hintsOf(body.toString("latin1")),
  };
}

/** Load event, then network idle (bounded), then the timings of the document. */
async function loadAndSettle(page: Page, url: string): Promise<{ timings: LoadTimings; html: string }> {
  const response = await page.goto(url, { waitUntil: "load", timeout: 60_000 });
  if (!response) throw new Error(`${url}: no response`);
  if (!response.ok()) throw new Error(`${url}: HTTP ${String(response.status())}`);
  const html = await response.text();
  const networkIdle = await page
    .waitForLoadState("networkidle", { timeout: NETWORK_IDLE_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  return { timings: { ...(await page.evaluate(readTimings)), networkIdle }, html };
}

export async function visit(browser: Browser, url: string, options: { warm: boolean }): Promise<VisitResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await serveRumWorkerLibrary(context);
    await context.addInitScript(observeLargestContentfulPaint);
    const page = await context.newPage();
    const origin = new URL(url).origin;
    const warnings: string[] = [];

    let loaded = false;
    let capturing = true;
    const requestedBeforeLoad = new Set<Request>();
    const captures: Promise<ScriptLoad | undefined>[] = [];
    page.once("load", () => {
      loaded = true;
    });
    context.on("request", (request) => {
      if (!loaded) requestedBeforeLoad.add(request);
    });
    context.on("response", (response) => {
      if (!capturing || !isScript(response)) return;
      captures.push(
        scriptLoad(response, origin, requestedBeforeLoad.has(response.request())).catch((error: unknown) => {
          warnings.push(`could not read ${response.url()}: ${String(error)}`);
          return undefined;
        }),
      );
    });

    const cold = await loadAndSettle(page, url);
    capturing = false;
    const scripts = (await Promise.all(captures)).filter((script) => script !== undefined);
    for (const script of scripts) script.inHtml = cold.html.includes(new URL(script.url).pathname);
    if (!cold.timings.networkIdle)
      warnings.push(`${url}: network not idle within ${NETWORK_IDLE_TIMEOUT_MS} ms`);

    let warm: LoadTimings | undefined;
    if (options.warm) {
      // Playwright turns the HTTP cache off while any route is set: without this the second load
      // would fetch everything again. The replay worker's library is then not served offline on
      // the warm load (that only affects session replay, after hydration, not the timings).
      await context.unrouteAll({ behavior: "ignoreErrors" });
      warm = (await loadAndSettle(page, url)).timings;
    }
    return { url, cold: cold.timings, warm, scripts, warnings };
  } finally {
    await context.close();
  }
}
