// Plain-text views of query results for the CLI.
import { rumEventTime } from "./filters.ts";
import { jsonText } from "./json-text.ts";
import type { SinkLogRecord, SinkRumEvent, TraceSummary } from "./model.ts";
import { describeRumEvent } from "./rum-describe.ts";
import { severityLevelOf } from "./severity.ts";
import { formatDurationMs } from "./trace-tree.ts";

/** Nanoseconds since the epoch as an ISO timestamp (millisecond precision). */
export function isoTime(unixNano: string): string {
  if (unixNano === "0") return "-";
  return new Date(Number(BigInt(unixNano) / 1_000_000n)).toISOString();
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  // Trimmed, so that an empty last cell leaves no padding behind.
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export function formatTraceTable(traces: readonly TraceSummary[]): string {
  if (traces.length === 0) return "no traces";
  return table(
    ["START", "TRACE ID", "SPANS", "DURATION", "ERROR", "SERVICES", "ROOT"],
    traces.map((trace) => [
      isoTime(trace.startTimeUnixNano),
      trace.traceId,
      String(trace.spanCount),
      formatDurationMs(trace.durationMs),
      trace.hasError ? "ERROR" : "",
      trace.services.join(","),
      trace.rootName,
    ]),
  );
}

export function formatLogLine(record: SinkLogRecord): string {
  const time = isoTime(record.timeUnixNano === "0" ? record.observedTimeUnixNano : record.timeUnixNano);
  const severity = record.severityText || severityLevelOf(record.severityNumber);
  const body = typeof record.body === "string" ? record.body : jsonText(record.body);
  const context = record.spanId ? ` span=${record.spanId}` : "";
  return `${time} ${severity.padEnd(5)} [${record.serviceName}] ${body}${context}`;
}

export function formatLogLines(records: readonly SinkLogRecord[]): string {
  return records.length === 0 ? "no log records" : records.map(formatLogLine).join("\n");
}

/** RUM events as a table, in the order given. */
export function formatRumTable(events: readonly SinkRumEvent[]): string {
  if (events.length === 0) return "no RUM events";
  return table(
    ["TIME", "TYPE", "SESSION", "TRACE ID", "DESCRIPTION"],
    events.map((event) => [
      isoTime(rumEventTime(event)),
      event.type ?? "-",
      event.sessionId ?? "-",
      event.traceId ?? "-",
      describeRumEvent(event),
    ]),
  );
}
