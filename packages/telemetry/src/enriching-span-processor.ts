// Runs on every span of the process, before the exporting processor sees it:
// - on start: copies the synthetic flag and session id from W3C baggage onto the span, so every
//   span of a bot's trace can be filtered, not only the ones whose code looked at baggage;
// - on ending (the span is still writable): flags slow database spans and reports them, and
//   scrubs sensitive values from attributes, events and the status message;
// - on end: turns Next.js request spans into HTTP server metrics (next-request-metrics.ts).
import { propagation } from "@opentelemetry/api";
import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace";
import { ATTR, BAGGAGE } from "./names.ts";
import { recordNextRequest } from "./next-request-metrics.ts";
import { redactAttribute, redactString } from "./redaction.ts";

export interface SlowQuery {
  traceId: string;
  spanId: string;
  durationMs: number;
  system: string;
  /** Parameterised SQL as the driver sent it: values are never part of it. */
  query: string;
}

export interface EnrichingOptions {
  slowQueryMs: number;
  onSlowQuery?: (query: SlowQuery) => void;
}

export class EnrichingSpanProcessor implements SpanProcessor {
  readonly #options: EnrichingOptions;

  constructor(options: EnrichingOptions) {
    this.#options = options;
  }

  /** Late binding: the logger can only be created after instrumentation is in place. */
  set onSlowQuery(handler: (query: SlowQuery) => void) {
    this.#options.onSlowQuery = handler;
  }

  onStart(span: Span, parentContext: Context): void {
    const baggage = propagation.getBaggage(parentContext);
    if (!baggage) return;
    const synthetic = baggage.getEntry(BAGGAGE.SYNTHETIC)?.value;
    if (synthetic !== undefined) span.setAttribute(ATTR.SYNTHETIC, synthetic === "true");
    const session = baggage.getEntry(BAGGAGE.SESSION_ID)?.value;
    if (session) span.setAttribute(ATTR.SESSION_ID, session);
  }

  onEnding(span: Span): void {
    this.#flagSlowQuery(span);
    const attributes = span.attributes;
    for (const key in attributes) {
      const clean = redactAttribute(key, attributes[key]);
      if (clean !== undefined) span.setAttribute(key, clean);
    }
    for (const event of span.events) {
      if (!event.attributes) continue;
      for (const [key, value] of Object.entries(event.attributes)) {
        const clean = redactAttribute(key, value);
        if (clean !== undefined) event.attributes[key] = clean;
      }
    }
    if (span.status.message) {
      const message = redactString(span.status.message);
      if (message !== span.status.message) span.setStatus({ code: span.status.code, message });
    }
  }

  #flagSlowQuery(span: Span) {
    const system = span.attributes[ATTR.DB_SYSTEM_NAME];
    const query = span.attributes[ATTR.DB_QUERY_TEXT];
    // Queries only: a wait for a pool connection (pg-pool.connect) is saturation, not a slow
    // query, and a slow Redis command is the cache's story, not the database's.
    if (typeof system !== "string" || typeof query !== "string" || system === "redis") return;
    const durationMs = span.duration[0] * 1e3 + span.duration[1] / 1e6;
    if (durationMs < this.#options.slowQueryMs) return;
    span.setAttribute(ATTR.SLOW_QUERY, true);
    const context = span.spanContext();
    this.#options.onSlowQuery?.({
      traceId: context.traceId,
      spanId: context.spanId,
      durationMs: Math.round(durationMs * 10) / 10,
      system,
      query: redactString(query),
    });
  }

  onEnd(span: ReadableSpan): void {
    // Export is the next processor's job; a Next.js request also counts in the HTTP metrics.
    recordNextRequest(span);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
