// Keeps what a long run sends to the telemetry sink. The sink holds a bounded window (a ring
// buffer), and a few minutes of a busy shop exporting metrics every second overflow it; so this
// asks the sink for the newest matches of a few queries every `intervalMs` and keeps each span
// and metric point once. What it records is exactly what the sink received, nothing derived.
import type { MetricQuery, SinkClient, SinkMetricPoint, SinkSpan, SpanQuery } from "@shop/telemetry-sink";

export interface SinkRecording {
  spans: SpanQuery[];
  metrics: MetricQuery[];
  /** Drops points nobody needs before they are kept (the other routes of a histogram, say). */
  keepPoint?: (point: SinkMetricPoint) => boolean;
}

function pointKey(point: SinkMetricPoint): string {
  return JSON.stringify([
    point.name,
    point.serviceName,
    point.resource,
    point.attributes,
    point.timeUnixNano,
  ]);
}

export class SinkRecorder {
  readonly #sink: SinkClient;
  readonly #recording: SinkRecording;
  readonly #intervalMs: number;
  readonly #spans = new Map<string, SinkSpan>();
  readonly #points = new Map<string, SinkMetricPoint>();
  #polls = 0;
  #running = false;
  #loop: Promise<void> = Promise.resolve();
  #lastError: unknown;

  constructor(sink: SinkClient, recording: SinkRecording, options: { intervalMs: number }) {
    this.#sink = sink;
    this.#recording = recording;
    this.#intervalMs = options.intervalMs;
  }

  start() {
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        await this.poll();
        await new Promise((resolve) => setTimeout(resolve, this.#intervalMs));
      }
    })();
  }

  /** Stops after one last poll, so everything the sink holds now is recorded. */
  async stop() {
    this.#running = false;
    await this.#loop;
    await this.poll();
  }

  /** One pass over every query; a failed query is retried on the next pass (the sink is local). */
  async poll() {
    this.#polls++;
    const { spans, metrics, keepPoint = () => true } = this.#recording;
    try {
      const [spanLists, pointLists] = await Promise.all([
        Promise.all(spans.map((query) => this.#sink.spans(query))),
        Promise.all(metrics.map((query) => this.#sink.metrics(query))),
      ]);
      for (const span of spanLists.flat()) this.#spans.set(`${span.traceId}/${span.spanId}`, span);
      for (const point of pointLists.flat()) if (keepPoint(point)) this.#points.set(pointKey(point), point);
    } catch (error) {
      this.#lastError = error;
    }
  }

  get polls(): number {
    return this.#polls;
  }

  get lastError(): unknown {
    return this.#lastError;
  }

  spans(where: (span: SinkSpan) => boolean = () => true): SinkSpan[] {
    return [...this.#spans.values()].filter(where);
  }

  metricPoints(): SinkMetricPoint[] {
    return [...this.#points.values()];
  }
}
