// One trace at a glance, from whatever of its spans have arrived.
import { byStartTime, compareUnixNano } from "./filters.ts";
import type { SinkSpan, TraceSummary } from "./model.ts";
import { durationMs } from "./otlp-traces.ts";

/** The root span, or (while the root has not arrived) the earliest span whose parent is missing. */
export function rootSpanOf(spans: readonly SinkSpan[]): SinkSpan | undefined {
  const ids = new Set(spans.map((span) => span.spanId));
  const sorted = [...spans].sort(byStartTime);
  return (
    sorted.find((span) => span.parentSpanId === undefined) ??
    sorted.find((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId)) ??
    sorted[0]
  );
}

export function summarizeTrace(traceId: string, spans: readonly SinkSpan[]): TraceSummary {
  const sorted = [...spans].sort(byStartTime);
  const start = sorted[0]?.startTimeUnixNano ?? "0";
  let end = start;
  for (const span of sorted) {
    if (compareUnixNano(span.endTimeUnixNano, end) > 0) end = span.endTimeUnixNano;
  }
  return {
    traceId,
    rootName: rootSpanOf(sorted)?.name ?? "",
    services: [...new Set(sorted.map((span) => span.serviceName))],
    spanCount: spans.length,
    durationMs: durationMs(start, end),
    startTimeUnixNano: start,
    hasError: spans.some((span) => span.status.code === "ERROR"),
  };
}
