// A trace as an indented tree for terminals and test failure messages: each span under its
// parent, siblings by start time, with the few attributes that say what the span did.
import { byStartTime } from "./filters.ts";
import { jsonText } from "./json-text.ts";
import type { SinkSpan } from "./model.ts";

const KEY_ATTRIBUTES = [
  "http.request.method",
  "http.route",
  "url.path",
  "http.response.status_code",
  "rpc.method",
  "db.system.name",
  "db.query.text",
] as const;

const QUERY_TEXT_CHARS = 80;

export function formatDurationMs(ms: number): string {
  return `${ms.toFixed(Math.abs(ms) < 10 ? 2 : 1)} ms`;
}

function formatValue(key: string, value: unknown): string {
  let text = typeof value === "string" ? value : jsonText(value);
  if (key === "db.query.text") {
    // Multi-line SQL would break the tree's lines.
    text = text.replace(/\s+/g, " ").trim();
    if (text.length > QUERY_TEXT_CHARS) text = `${text.slice(0, QUERY_TEXT_CHARS)}…`;
  }
  return typeof value === "string" && (text === "" || /[\s"]/.test(text)) ? JSON.stringify(text) : text;
}

function describeSpan(span: SinkSpan, marker: string | undefined): string {
  const parts = [`${span.name} (${span.serviceName}, ${span.kind}, ${formatDurationMs(span.durationMs)})`];
  if (marker) parts.push(marker);
  if (span.status.code === "ERROR") {
    parts.push(span.status.message ? `ERROR ${JSON.stringify(span.status.message)}` : "ERROR");
  }
  for (const key of KEY_ATTRIBUTES) {
    if (Object.hasOwn(span.attributes, key)) parts.push(`${key}=${formatValue(key, span.attributes[key])}`);
  }
  return parts.join(" ");
}

/**
 * One line per span. Spans whose parent is not among `spans` (not received yet, or dropped) are
 * shown at the top level marked "(parent not received)".
 */
export function renderTraceTree(spans: readonly SinkSpan[]): string {
  const sorted = [...spans].sort(byStartTime);
  const ids = new Set(sorted.map((span) => span.spanId));
  const children = new Map<string, SinkSpan[]>();
  const topLevel: SinkSpan[] = [];
  for (const span of sorted) {
    const parent = span.parentSpanId;
    if (parent === undefined || !ids.has(parent) || parent === span.spanId) topLevel.push(span);
    else {
      const siblings = children.get(parent);
      if (siblings) siblings.push(span);
      else children.set(parent, [span]);
    }
  }

  const lines: string[] = [];
  const visited = new Set<SinkSpan>();
  const visit = (span: SinkSpan, prefix: string, branch: string, marker: string | undefined) => {
    visited.add(span);
    lines.push(`${prefix}${branch}${describeSpan(span, marker)}`);
    const kids = (children.get(span.spanId) ?? []).filter((kid) => !visited.has(kid));
    const childPrefix = prefix + (branch === "└─ " ? "   " : branch === "├─ " ? "│  " : "");
    kids.forEach((kid, index) => {
      visit(kid, childPrefix, index === kids.length - 1 ? "└─ " : "├─ ", undefined);
    });
  };

  for (const span of topLevel) {
    const parent = span.parentSpanId;
    visit(
      span,
      "",
      "",
      parent === undefined ? undefined : ids.has(parent) ? "(parent cycle)" : "(parent not received)",
    );
  }
  // Spans only reachable through a parent cycle (malformed data) would otherwise vanish.
  for (const span of sorted) if (!visited.has(span)) visit(span, "", "", "(parent cycle)");
  return lines.join("\n");
}
