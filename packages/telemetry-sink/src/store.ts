// The sink's memory: a bounded window of the most recent spans, log records, metric points, RUM
// events and session-recording segments. When a window is full the oldest record makes room and is
// counted as dropped, so a demo can run for days while tests still see everything they just
// produced. Spans are also indexed by trace, which is how they are asked for.
import {
  byLogTime,
  byStartTime,
  compareUnixNano,
  logMatches,
  metricMatches,
  newest,
  newestRumEventsFirst,
  rumEventMatches,
  rumRecordingMatches,
  spanMatches,
} from "./filters.ts";
import type {
  MetricName,
  SinkLogRecord,
  SinkMetricPoint,
  SinkRumEvent,
  SinkRumRecording,
  SinkSpan,
  SinkStats,
  SinkTrace,
  TraceSummary,
} from "./model.ts";
import { DEFAULT_TRACE_LIMIT } from "./queries.ts";
import type {
  LogQuery,
  MetricQuery,
  RumEventQuery,
  RumRecordingQuery,
  SpanQuery,
  TraceQuery,
} from "./queries.ts";
import { RingBuffer } from "./ring-buffer.ts";
import { summarizeTrace } from "./trace-summary.ts";

export type * from "./model.ts";
export type * from "./queries.ts";

export interface SinkLimits {
  spans: number;
  logRecords: number;
  metricPoints: number;
  rumEvents: number;
  /** Recording segments; each holds its metadata only, not the recording. */
  rumRecordings: number;
}

export const DEFAULT_LIMITS: SinkLimits = {
  spans: 50_000,
  logRecords: 20_000,
  metricPoints: 50_000,
  rumEvents: 20_000,
  rumRecordings: 5_000,
};

function spanKey(span: SinkSpan): string {
  return `${span.traceId}/${span.spanId}`;
}

export class SinkStore {
  readonly limits: SinkLimits;
  readonly #spans: RingBuffer<SinkSpan>;
  readonly #logs: RingBuffer<SinkLogRecord>;
  readonly #metrics: RingBuffer<SinkMetricPoint>;
  readonly #rumEvents: RingBuffer<SinkRumEvent>;
  readonly #rumRecordings: RingBuffer<SinkRumRecording>;
  /** The held spans of each trace, in arrival order. */
  readonly #traces = new Map<string, SinkSpan[]>();
  readonly #spanKeys = new Set<string>();
  #duplicates = 0;

  constructor(limits: Partial<SinkLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.#spans = new RingBuffer(this.limits.spans);
    this.#logs = new RingBuffer(this.limits.logRecords);
    this.#metrics = new RingBuffer(this.limits.metricPoints);
    this.#rumEvents = new RingBuffer(this.limits.rumEvents);
    this.#rumRecordings = new RingBuffer(this.limits.rumRecordings);
  }

  /** Keeps the spans; a span already held (same trace and span id, e.g. a retried export) is ignored. */
  addSpans(spans: Iterable<SinkSpan>): void {
    for (const span of spans) {
      const key = spanKey(span);
      if (this.#spanKeys.has(key)) {
        this.#duplicates++;
        continue;
      }
      this.#spanKeys.add(key);
      const evicted = this.#spans.push(span);
      if (evicted) this.#forget(evicted);
      const traceSpans = this.#traces.get(span.traceId);
      if (traceSpans) traceSpans.push(span);
      else this.#traces.set(span.traceId, [span]);
    }
  }

  #forget(span: SinkSpan): void {
    this.#spanKeys.delete(spanKey(span));
    const traceSpans = this.#traces.get(span.traceId);
    if (!traceSpans) return;
    // The evicted span is the oldest held, so it is the first of its trace.
    const index = traceSpans[0] === span ? 0 : traceSpans.indexOf(span);
    if (index !== -1) traceSpans.splice(index, 1);
    if (traceSpans.length === 0) this.#traces.delete(span.traceId);
  }

  addLogRecords(records: Iterable<SinkLogRecord>): void {
    for (const record of records) this.#logs.push(record);
  }

  addMetricPoints(points: Iterable<SinkMetricPoint>): void {
    for (const point of points) this.#metrics.push(point);
  }

  addRumEvents(events: Iterable<SinkRumEvent>): void {
    for (const event of events) this.#rumEvents.push(event);
  }

  addRumRecordings(recordings: Iterable<SinkRumRecording>): void {
    for (const recording of recordings) this.#rumRecordings.push(recording);
  }

  trace(traceId: string): SinkTrace | undefined {
    const id = traceId.toLowerCase();
    const spans = this.#traces.get(id);
    return spans ? { traceId: id, spans: [...spans].sort(byStartTime) } : undefined;
  }

  /** The newest traces first (by start time). */
  traces(query: TraceQuery = {}): TraceSummary[] {
    const summaries: TraceSummary[] = [];
    for (const [traceId, spans] of this.#traces) {
      if (query.service !== undefined && !spans.some((span) => span.serviceName === query.service)) continue;
      summaries.push(summarizeTrace(traceId, spans));
    }
    summaries.sort((a, b) => compareUnixNano(b.startTimeUnixNano, a.startTimeUnixNano));
    return summaries.slice(0, query.limit ?? DEFAULT_TRACE_LIMIT);
  }

  /** Matching spans ordered by start time. */
  spans(query: SpanQuery = {}): SinkSpan[] {
    const candidates =
      query.traceId === undefined ? this.#spans : (this.#traces.get(query.traceId.toLowerCase()) ?? []);
    const matches: SinkSpan[] = [];
    for (const span of candidates) if (spanMatches(span, query)) matches.push(span);
    return newest(matches, query.limit).sort(byStartTime);
  }

  /** Matching log records ordered by time. */
  logs(query: LogQuery = {}): SinkLogRecord[] {
    const matches: SinkLogRecord[] = [];
    for (const record of this.#logs) if (logMatches(record, query)) matches.push(record);
    return newest(matches, query.limit).sort(byLogTime);
  }

  /** Matching metric points in the order they arrived. */
  metrics(query: MetricQuery = {}): SinkMetricPoint[] {
    const matches: SinkMetricPoint[] = [];
    for (const point of this.#metrics) if (metricMatches(point, query)) matches.push(point);
    return newest(matches, query.limit);
  }

  /** Matching RUM events, newest first (by the event's timestamp, else when it was received). */
  rumEvents(query: RumEventQuery = {}): SinkRumEvent[] {
    const matches: SinkRumEvent[] = [];
    for (const event of this.#rumEvents) if (rumEventMatches(event, query)) matches.push(event);
    return newestRumEventsFirst(matches).slice(0, query.limit);
  }

  /** Matching recording segments, the most recently received first. */
  rumRecordings(query: RumRecordingQuery = {}): SinkRumRecording[] {
    const matches: SinkRumRecording[] = [];
    for (const recording of this.#rumRecordings) {
      if (rumRecordingMatches(recording, query)) matches.push(recording);
    }
    return newest(matches, query.limit).reverse();
  }

  /** Every metric held, by name; unit and type are those of its latest point. */
  metricNames(): MetricName[] {
    const byName = new Map<string, { latest: SinkMetricPoint; services: Set<string> }>();
    for (const point of this.#metrics) {
      const entry = byName.get(point.name);
      if (entry) {
        entry.latest = point;
        entry.services.add(point.serviceName);
      } else byName.set(point.name, { latest: point, services: new Set([point.serviceName]) });
    }
    return [...byName.values()]
      .map(({ latest, services }) => ({
        name: latest.name,
        unit: latest.unit,
        type: latest.type,
        services: [...services].sort(),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  stats(): SinkStats {
    return {
      spans: {
        held: this.#spans.size,
        dropped: this.#spans.evicted,
        capacity: this.#spans.capacity,
        duplicates: this.#duplicates,
      },
      logs: { held: this.#logs.size, dropped: this.#logs.evicted, capacity: this.#logs.capacity },
      metrics: { held: this.#metrics.size, dropped: this.#metrics.evicted, capacity: this.#metrics.capacity },
      traces: this.#traces.size,
      rumEvents: {
        held: this.#rumEvents.size,
        dropped: this.#rumEvents.evicted,
        capacity: this.#rumEvents.capacity,
      },
      rumRecordings: {
        held: this.#rumRecordings.size,
        dropped: this.#rumRecordings.evicted,
        capacity: this.#rumRecordings.capacity,
      },
    };
  }

  /** Forgets everything, counters included. */
  clear(): void {
    this.#spans.clear();
    this.#logs.clear();
    this.#metrics.clear();
    this.#rumEvents.clear();
    this.#rumRecordings.clear();
    this.#traces.clear();
    this.#spanKeys.clear();
    this.#duplicates = 0;
  }
}
