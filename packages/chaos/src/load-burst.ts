// A burst of concurrent catalog reads through the storefront while the database is slowed: what
// the shop does with more work than it can take. Counted: answers by status, how many 503s said
// when to come back (Retry-After), and latency percentiles (requests must be shed, not pile up).
import { StorefrontClient } from "./storefront-client.ts";

export interface BurstResult {
  requests: number;
  ok: number;
  shed503: number;
  shedWithRetryAfter: number;
  otherErrors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? 0;
}

export async function loadBurst(
  baseUrl: string,
  options: { concurrency: number; durationMs: number },
): Promise<BurstResult> {
  const deadline = Date.now() + options.durationMs;
  const durations: number[] = [];
  const result = { requests: 0, ok: 0, shed503: 0, shedWithRetryAfter: 0, otherErrors: 0 };
  const sorts = ["popular", "price_asc", "price_desc", "rating", "newest"];
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      const client = new StorefrontClient(baseUrl, { timeoutMs: 30_000 });
      for (let i = 0; Date.now() < deadline; i++) {
        const started = performance.now();
        const answer = await client.query("catalog.list", {
          sort: sorts[(worker + i) % sorts.length],
          minPriceMinor: (worker * 37 + i * 11) % 5_000,
          limit: 24,
        });
        durations.push(performance.now() - started);
        result.requests += 1;
        if (answer.ok) result.ok += 1;
        else if (answer.status === 503) {
          result.shed503 += 1;
          if (answer.retryAfter) result.shedWithRetryAfter += 1;
        } else result.otherErrors += 1;
      }
    }),
  );
  durations.sort((a, b) => a - b);
  return {
    ...result,
    p50Ms: Math.round(percentile(durations, 0.5)),
    p99Ms: Math.round(percentile(durations, 0.99)),
    maxMs: Math.round(durations.at(-1) ?? 0),
  };
}
