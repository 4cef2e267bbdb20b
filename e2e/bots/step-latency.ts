// How long each journey step takes, two ways: histogram buckets since start (what Prometheus and
// OpenTelemetry want: counts that only grow), and the most recent durations for percentiles in
// /stats (what a person watching the fleet wants: how slow is checkout right now). Both are
// bounded: buckets are a fixed array, and only the last SAMPLES_PER_STEP durations are kept.

/**
 * Step duration buckets in seconds: a quick click is tens of milliseconds, a checkout against a
 * slow payment provider several seconds, and the bots give up on an action at 30 s.
 */
export const STEP_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const SAMPLES_PER_STEP = 1000;

export interface StepPercentiles {
  p50: number;
  p95: number;
  /** How many recent durations the percentiles are taken from. */
  samples: number;
}

export class StepLatency {
  readonly journey: string;
  readonly step: string;
  count = 0;
  sumSeconds = 0;
  /** Per bucket of STEP_DURATION_BUCKETS, not cumulative; durations above the last are only in count. */
  readonly bucketCounts = new Float64Array(STEP_DURATION_BUCKETS.length);
  readonly #recentMs = new Float64Array(SAMPLES_PER_STEP);
  #next = 0;
  #filled = 0;

  constructor(journey: string, step: string) {
    this.journey = journey;
    this.step = step;
  }

  record(durationMs: number): void {
    const seconds = durationMs / 1000;
    this.count += 1;
    this.sumSeconds += seconds;
    const bucket = STEP_DURATION_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) this.bucketCounts[bucket] = (this.bucketCounts[bucket] ?? 0) + 1;
    this.#recentMs[this.#next] = durationMs;
    this.#next = (this.#next + 1) % SAMPLES_PER_STEP;
    this.#filled = Math.min(SAMPLES_PER_STEP, this.#filled + 1);
  }

  /** Durations kept for percentiles (bounded by SAMPLES_PER_STEP). */
  get retained(): number {
    return this.#filled;
  }

  /** Nearest-rank p50 and p95 of the recent durations, in ms; undefined before the first one. */
  percentiles(): StepPercentiles | undefined {
    if (this.#filled === 0) return undefined;
    const sorted = this.#recentMs.slice(0, this.#filled).sort();
    const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
    return { p50: rank(0.5), p95: rank(0.95), samples: sorted.length };
  }
}
