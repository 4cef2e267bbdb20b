// The storefront's web-vitals bench (e2e/bench/web-vitals.ts: cold page loads in Chromium, one
// fresh browser context per run) run as a child process, its JSON report folded into this one.
// It starts a shop of its own, so it runs after this bench's demo has stopped.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { runChild } from "./child-process.ts";
import type { Figure } from "./report.ts";
import { notMeasured } from "./report.ts";

const SECTION = "web vitals";

interface Summary {
  p50: number;
  p95: number;
}

interface WebVitalsPage {
  kind: string;
  runs: number;
  timings: Record<string, { cold: Summary | null }>;
  js: { firstLoad: { gzipBytes: number } };
}

/** Figures from the web-vitals report: per page kind, cold TTFB p50, LCP p50/p95, first-load JS. */
export function webVitalsFigures(report: { pages: WebVitalsPage[] }, how: string): Figure[] {
  return report.pages.flatMap((page) => {
    const ttfb = page.timings["TTFB (request->response)"]?.cold;
    const lcp = page.timings.LCP?.cold;
    return [
      { section: SECTION, name: `${page.kind}: TTFB p50 (cold)`, value: ttfb?.p50 ?? null, unit: "ms", how },
      { section: SECTION, name: `${page.kind}: LCP p50 (cold)`, value: lcp?.p50 ?? null, unit: "ms", how },
      { section: SECTION, name: `${page.kind}: LCP p95 (cold)`, value: lcp?.p95 ?? null, unit: "ms", how },
      {
        section: SECTION,
        name: `${page.kind}: first-load JS (gzip)`,
        value: Math.round(page.js.firstLoad.gzipBytes / 102.4) / 10,
        unit: "kB",
        how,
      },
    ];
  });
}

export async function webVitalsBench(options: {
  repoRoot: string;
  env: Record<string, string>;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const e2e = path.join(options.repoRoot, "e2e");
  const { code, output } = await runChild({
    command: process.execPath,
    args: [path.join(e2e, "bench/web-vitals.ts")],
    cwd: e2e,
    env: options.env,
    timeoutMs: 480_000,
  });
  if (code !== 0) {
    const reason = `e2e/bench/web-vitals.ts ${code === "timeout" ? "timed out" : `exited ${String(code)}`}: ${output.slice(-500)}`;
    return { figures: [notMeasured(SECTION, "page loads", "ms", reason)], details: {} };
  }
  const reportPath = path.join(options.repoRoot, ".bench-results", "web-vitals.json");
  const report = JSON.parse(await readFile(reportPath, "utf8")) as { pages: WebVitalsPage[] };
  const runs = report.pages[0]?.runs ?? 0;
  const how =
    `e2e/bench/web-vitals.ts: ${String(runs)} cold loads per page kind in Chromium (fresh context each, ` +
    `no throttling, loopback), nearest-rank percentiles; full report ${path.relative(options.repoRoot, reportPath)}`;
  return { figures: webVitalsFigures(report, how), details: { webVitalsReport: reportPath } };
}
