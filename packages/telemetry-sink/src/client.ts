// A typed client for the sink's query API, for tests and the CLI. waitFor polls a query until
// its result satisfies a condition, which is how tests wait for telemetry that is exported
// asynchronously (never with fixed sleeps).
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
import { jsonText } from "./json-text.ts";
import type {
  LogQuery,
  MetricQuery,
  RumEventQuery,
  RumRecordingQuery,
  SpanQuery,
  TraceQuery,
} from "./queries.ts";

export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Names what is awaited in the timeout message, e.g. "the checkout trace". */
  description?: string;
}

export class SinkRequestError extends Error {
  override name = "SinkRequestError";
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

type ParamValue = string | number | boolean | undefined;

function searchParams(values: Record<string, ParamValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = jsonText(value);
  } catch {
    text = String(value);
  }
  return text.length > 500 ? `${text.slice(0, 500)}... (${text.length} characters)` : text;
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

export class SinkClient {
  readonly url: string;

  constructor(url: string) {
    this.url = url.replace(/\/+$/, "");
  }

  async #request<T>(method: string, path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, { method });
    } catch (error) {
      throw new Error(`telemetry sink at ${this.url} is not reachable (${method} ${path})`, { cause: error });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    if (!response.ok) {
      const detail =
        typeof body === "object" && body !== null && "error" in body ? String(body.error) : preview(body);
      throw new SinkRequestError(
        `${method} ${path} failed with ${response.status}: ${detail}`,
        response.status,
      );
    }
    return body as T;
  }

  health(): Promise<{ ok: boolean }> {
    return this.#request("GET", "/healthz");
  }

  /** Summaries of the newest traces, newest first. */
  traces(query: TraceQuery = {}): Promise<TraceSummary[]> {
    return this.#request("GET", `/api/traces${searchParams({ ...query })}`);
  }

  /** The trace's spans ordered by start time, or undefined while none of them has arrived. */
  async trace(traceId: string): Promise<SinkTrace | undefined> {
    try {
      return await this.#request<SinkTrace>("GET", `/api/traces/${encodeURIComponent(traceId)}`);
    } catch (error) {
      if (error instanceof SinkRequestError && error.status === 404) return undefined;
      throw error;
    }
  }

  spans(query: SpanQuery = {}): Promise<SinkSpan[]> {
    const { attributes = {}, ...rest } = query;
    const attributeParams = Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [`attr.${key}`, value]),
    );
    return this.#request("GET", `/api/spans${searchParams({ ...rest, ...attributeParams })}`);
  }

  logs(query: LogQuery = {}): Promise<SinkLogRecord[]> {
    return this.#request("GET", `/api/logs${searchParams({ ...query })}`);
  }

  metrics(query: MetricQuery = {}): Promise<SinkMetricPoint[]> {
    return this.#request("GET", `/api/metrics${searchParams({ ...query })}`);
  }

  metricNames(): Promise<MetricName[]> {
    return this.#request("GET", "/api/metrics/names");
  }

  /** Coralogix browser RUM events, newest first. */
  rumEvents(query: RumEventQuery = {}): Promise<SinkRumEvent[]> {
    return this.#request("GET", `/api/rum/events${searchParams({ ...query })}`);
  }

  /** Session-recording segments (metadata and chunk size), the most recently received first. */
  rumRecordings(query: RumRecordingQuery = {}): Promise<SinkRumRecording[]> {
    return this.#request("GET", `/api/rum/recordings${searchParams({ ...query })}`);
  }

  stats(): Promise<SinkStats> {
    return this.#request("GET", "/api/stats");
  }

  /** Forgets all telemetry held, e.g. between tests. */
  async clear(): Promise<void> {
    await this.#request("DELETE", "/api/data");
  }

  /**
   * Runs the query until `until` accepts its result and returns that result. A query that throws
   * is retried too (the sink may still be starting); on timeout the error shows the last result
   * or error.
   */
  async waitFor<T>(
    query: () => Promise<T>,
    until: (value: T) => boolean,
    { timeoutMs = 10_000, intervalMs = 100, description = "the condition" }: WaitForOptions = {},
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let attempts = 0;
    let last: { value: T } | { error: unknown };
    for (;;) {
      attempts++;
      try {
        const value = await query();
        if (until(value)) return value;
        last = { value };
      } catch (error) {
        last = { error };
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      await delay(Math.min(intervalMs, remaining));
    }
    const lastSeen =
      "error" in last
        ? `error: ${last.error instanceof Error ? last.error.message : String(last.error)}`
        : `result: ${preview(last.value)}`;
    throw new Error(
      `timed out after ${timeoutMs} ms waiting for ${description} (${attempts} attempts against ${this.url}); last ${lastSeen}`,
    );
  }
}
