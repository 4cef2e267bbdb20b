// The Prometheus text exposition format (version 0.0.4), written by hand. The fleet exposes a
// dozen families it already counts itself; a client library would add a second registry holding
// a second copy of every number, for four small functions' worth of format.
// Format: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels: Labels;
  value: number;
}

export interface HistogramSeries {
  labels: Labels;
  /** Observations per bucket (not cumulative): index i counts values in (bounds[i-1], bounds[i]]. */
  bucketCounts: ArrayLike<number>;
  sum: number;
  count: number;
}

interface Family {
  /** The OpenTelemetry name (dots); turned into a Prometheus name here. */
  name: string;
  description: string;
}

/** shop.bots.step.duration -> shop_bots_step_duration: what Prometheus allows in a metric name. */
export function prometheusName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_:]/g, "_");
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? "" : `{${pairs.join(",")}}`;
}

function header(name: string, description: string, type: "counter" | "gauge" | "histogram"): string {
  return `# HELP ${name} ${escapeHelp(description)}\n# TYPE ${name} ${type}\n`;
}

function sampleLine(name: string, labels: Labels, value: number): string {
  return `${name}${formatLabels(labels)} ${formatValue(value)}\n`;
}

/** A counter family; the name gets the `_total` suffix Prometheus expects of counters. */
export function counterText(family: Family, samples: Iterable<Sample>): string {
  const name = `${prometheusName(family.name)}_total`;
  let text = header(name, family.description, "counter");
  for (const sample of samples) text += sampleLine(name, sample.labels, sample.value);
  return text;
}

export function gaugeText(family: Family, samples: Iterable<Sample>): string {
  const name = prometheusName(family.name);
  let text = header(name, family.description, "gauge");
  for (const sample of samples) text += sampleLine(name, sample.labels, sample.value);
  return text;
}

/** A histogram family: cumulative `_bucket` lines up to `le="+Inf"`, then `_sum` and `_count`. */
export function histogramText(
  family: Family,
  bounds: readonly number[],
  series: Iterable<HistogramSeries>,
): string {
  const name = prometheusName(family.name);
  let text = header(name, family.description, "histogram");
  for (const { labels, bucketCounts, sum, count } of series) {
    let cumulative = 0;
    for (const [i, bound] of bounds.entries()) {
      cumulative += bucketCounts[i] ?? 0;
      text += sampleLine(`${name}_bucket`, { ...labels, le: formatValue(bound) }, cumulative);
    }
    text += sampleLine(`${name}_bucket`, { ...labels, le: "+Inf" }, count);
    text += sampleLine(`${name}_sum`, labels, sum);
    text += sampleLine(`${name}_count`, labels, count);
  }
  return text;
}
