// How an OpenTelemetry metric is named when Coralogix stores it for PromQL, following the OTLP ->
// Prometheus rules (opentelemetry.io/docs/specs/otel/compatibility/prometheus_and_openmetrics):
// characters other than [a-zA-Z0-9_:] become "_", the unit is appended in words (s -> seconds,
// ms -> milliseconds, By -> bytes) unless it is only an annotation such as {order}, monotonic
// counters end in _total, histograms become _bucket/_sum/_count series; attribute names become
// label names by the same character rule. And the reverse direction the tests need: which metrics
// and labels a PromQL expression selects.

export type InstrumentKind = "counter" | "updowncounter" | "gauge" | "histogram";

export interface Instrument {
  name: string;
  unit: string;
  kind: InstrumentKind;
}

const UNIT_WORDS: Record<string, string> = {
  s: "seconds",
  ms: "milliseconds",
  us: "microseconds",
  ns: "nanoseconds",
  min: "minutes",
  h: "hours",
  By: "bytes",
  KiBy: "kibibytes",
  MiBy: "mebibytes",
  "%": "percent",
};

/** An attribute or metric name with every character Prometheus does not allow replaced by "_". */
export function prometheusLabel(name: string): string {
  return name.replace(/[^a-zA-Z0-9_:]/g, "_");
}

function unitSuffix(unit: string, kind: InstrumentKind): string {
  const bare = unit.replace(/\{[^}]*\}/g, "").trim();
  if (!bare) return "";
  if (bare === "1") return kind === "gauge" ? "ratio" : "";
  return prometheusLabel(UNIT_WORDS[bare] ?? bare);
}

/** The series names an instrument appears under in Coralogix's PromQL. */
export function prometheusNames(instrument: Instrument): string[] {
  let base = prometheusLabel(instrument.name);
  const suffix = unitSuffix(instrument.unit, instrument.kind);
  if (suffix && !base.endsWith(`_${suffix}`)) base = `${base}_${suffix}`;
  switch (instrument.kind) {
    case "counter":
      return [`${base}_total`];
    case "histogram":
      return [`${base}_bucket`, `${base}_sum`, `${base}_count`];
    default:
      return [base];
  }
}

export interface Selector {
  metric: string;
  /** Label names its matchers use. */
  labels: string[];
}

const PROMQL_WORDS = new Set([
  // functions the alerts may use
  "sum",
  "avg",
  "min",
  "max",
  "count",
  "rate",
  "irate",
  "increase",
  "delta",
  "histogram_quantile",
  "clamp_min",
  "clamp_max",
  "vector",
  "scalar",
  "abs",
  // keywords
  "by",
  "without",
  "offset",
  "bool",
  "and",
  "or",
  "unless",
  "on",
  "ignoring",
  "group_left",
  "group_right",
]);

/** Every metric a PromQL expression selects, with the label names of its matchers. */
export function selectorsOf(promql: string): Selector[] {
  const withoutStrings = promql.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  // Grouping clauses name labels, not metrics: by (le), on (pod)...
  const withoutGrouping = withoutStrings.replace(
    /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g,
    " ",
  );
  const selectors: Selector[] = [];
  const pattern = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?/g;
  for (const match of withoutGrouping.matchAll(pattern)) {
    const [, name, matchers] = match;
    if (!name || PROMQL_WORDS.has(name)) continue;
    // A duration inside [..] (2m, 1h) or after offset is not a name.
    const before = withoutGrouping.slice(0, match.index);
    if (/\[\s*$/.test(before) || /\d$/.test(before)) continue;
    const labels = [...(matchers ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)].map(
      ([, label]) => label ?? "",
    );
    selectors.push({ metric: name, labels });
  }
  return selectors;
}
