// One request's spans, read from the in-memory exporter: the procedure's span and every span of
// its trace (each call from a test client with no active span starts a trace of its own).
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { finishedSpans } from "./in-memory-tracing.ts";

export interface RequestSpans {
  procedure: ReadableSpan;
  trace: ReadableSpan[];
}

export const isSql = (span: ReadableSpan) => span.attributes["db.system.name"] === "postgresql";
export const isRedis = (span: ReadableSpan) => span.attributes["db.system.name"] === "redis";

/**
 * The traces of the `count` most recent calls of `procedure` (catalog/products...), oldest first,
 * once each has ended along with its server span (spans end after the response is sent).
 */
export async function lastRequests(procedure: string, count: number): Promise<RequestSpans[]> {
  const complete = (all: ReadableSpan[]) => {
    const procedures = all.filter((span) => span.name === procedure).slice(-count);
    const roots = new Set(
      all.filter((span) => !span.parentSpanContext).map((span) => span.spanContext().traceId),
    );
    return procedures.length === count && procedures.every((span) => roots.has(span.spanContext().traceId));
  };
  const deadline = Date.now() + 10_000;
  let spans = await finishedSpans();
  while (!complete(spans)) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${String(count)} ${procedure} requests; have: ${spans.map((s) => s.name).join(", ")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    spans = await finishedSpans();
  }
  return spans
    .filter((span) => span.name === procedure)
    .slice(-count)
    .map((procedureSpan) => ({
      procedure: procedureSpan,
      trace: spans.filter((span) => span.spanContext().traceId === procedureSpan.spanContext().traceId),
    }));
}

export function durationMs(span: ReadableSpan): number {
  return span.duration[0] * 1_000 + span.duration[1] / 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
