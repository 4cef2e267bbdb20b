// Closed-loop load for benchmarks: `concurrency` workers each send a request, wait for the answer,
// send the next, until the duration is over. Reports throughput and latency percentiles. Bounded
// in time by construction; meant for servers on this machine only.

export interface LoadResult {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function runLoad(options: {
  concurrency: number;
  durationMs: number;
  /** One request; resolves true when it succeeded. */
  request: (worker: number, iteration: number) => Promise<boolean>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        const t0 = performance.now();
        const ok = await options.request(worker, iteration).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}

export function formatResult(label: string, result: LoadResult): string {
  return (
    `${label.padEnd(28)} ${result.perSecond.toFixed(0).padStart(6)} req/s   ` +
    `p50 ${result.p50.toFixed(2)} ms   p95 ${result.p95.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms` +
    (result.failures > 0 ? `   ${String(result.failures)} failed` : "")
  );
}
