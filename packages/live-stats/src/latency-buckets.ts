// Request durations are counted in fixed buckets (like a Prometheus histogram), so counts from
// many processes add up in Redis and a percentile can still be read from the sum.

/** Upper bounds in milliseconds; the last bucket takes everything slower. */
export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000] as const;

export function bucketOf(durationMs: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => durationMs <= bound);
  return index === -1 ? LATENCY_BOUNDS_MS.length : index;
}

/**
 * The quantile's bucket upper bound (the slowest bucket reports its lower bound): a p95 of
 * "<= 250 ms" is what a bucketed count can honestly say. Undefined without any request.
 */
export function quantileOf(counts: readonly number[], quantile: number): number | undefined {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefined;
  const rank = Math.ceil(total * quantile);
  let seen = 0;
  for (const [index, count] of counts.entries()) {
    seen += count;
    if (seen >= rank) return LATENCY_BOUNDS_MS[index] ?? LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}
