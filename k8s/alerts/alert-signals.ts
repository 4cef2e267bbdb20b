// The values the alerts' PromQL computes, from the raw numbers a test can read off the local sink
// (counter increases, histogram buckets, gauges). Each function mirrors one query in this folder,
// so the acceptance test's series mean what Coralogix's would.

/** checkout-error-rate: failed attempts over all attempts (null when there were none: no data). */
export function checkoutErrorRate(attemptsByOutcome: Partial<Record<string, number>>): number | null {
  const total = Object.values(attemptsByOutcome).reduce<number>((sum, count) => sum + (count ?? 0), 0);
  if (total <= 0) return null;
  return (attemptsByOutcome.error ?? 0) / total;
}

export interface Bucket {
  /** Upper bound (inclusive), Infinity for the last bucket. */
  le: number;
  /** Cumulative count of observations up to `le`, like Prometheus' `_bucket` series. */
  count: number;
}

/**
 * PromQL's histogram_quantile over cumulative buckets: linear interpolation inside the bucket the
 * rank falls into; the highest finite bound when it falls into +Inf. Null without observations.
 */
export function histogramQuantile(quantile: number, buckets: Bucket[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total <= 0) return null;
  const rank = quantile * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      if (bucket.le === Number.POSITIVE_INFINITY) return lowerBound;
      const inBucket = bucket.count - lowerCount;
      if (inBucket <= 0) return bucket.le;
      return lowerBound + ((bucket.le - lowerBound) * (rank - lowerCount)) / inBucket;
    }
    lowerBound = bucket.le;
    lowerCount = bucket.count;
  }
  return lowerBound;
}

/** Cumulative buckets from raw observations (span durations), with the metric's bucket bounds. */
export function bucketsOf(values: number[], bounds: readonly number[]): Bucket[] {
  return [...bounds, Number.POSITIVE_INFINITY].map((le) => ({
    le,
    count: values.filter((value) => value <= le).length,
  }));
}

/** db-slow-queries: a counter's increase over a window, per minute. */
export function perMinute(increase: number, windowMs: number): number {
  if (!(windowMs > 0)) throw new Error(`windowMs must be positive, got ${String(windowMs)}`);
  return (increase * 60_000) / windowMs;
}

/** One service's pools added up: connections in use, and the most they may open. */
export interface PoolLevels {
  used: number;
  max: number;
}

/**
 * db-pool-saturation: the share of its pools a service has in use, for the busiest service (null:
 * no service reports a pool size). Per service, not over all of them: one full pool among idle
 * ones is the saturation that sheds requests. A service whose pools have all ended reports max 0
 * and is left out, as the query's `> 0` does, rather than dividing by zero.
 */
export function poolUtilization(byService: Record<string, PoolLevels>): number | null {
  let busiest: number | null = null;
  for (const { used, max } of Object.values(byService)) {
    if (max > 0) busiest = Math.max(busiest ?? 0, used / max);
  }
  return busiest;
}

/** revenue-drop: revenue of the window against the same window an hour earlier (null: nothing to compare). */
export function revenueVsHourBefore(current: number, hourBefore: number): number | null {
  if (hourBefore <= 0) return null;
  return current / hourBefore;
}
