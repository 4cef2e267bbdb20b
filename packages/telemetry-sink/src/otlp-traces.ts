// ExportTraceServiceRequest → SinkSpan[].
import { SPAN_KINDS } from "./model.ts";
import type { SinkSpan, SpanKindName, StatusCodeName } from "./model.ts";
import { decodeResource, decodeScope } from "./otlp-resource.ts";
import {
  OtlpDecodeError,
  decodeAttributes,
  readEnum,
  readId,
  readMessage,
  readMessages,
  readString,
  readUnixNano,
  requestMessage,
} from "./otlp-values.ts";
import type { Message } from "./otlp-values.ts";

const STATUS_CODES: readonly StatusCodeName[] = ["UNSET", "OK", "ERROR"];

function enumIndex(names: readonly string[], prefix: string) {
  return (name: string): number | undefined => {
    const index = names.indexOf(name.startsWith(prefix) ? name.slice(prefix.length) : name);
    return index === -1 ? undefined : index;
  };
}

const spanKindOfName = enumIndex(SPAN_KINDS, "SPAN_KIND_");
const statusCodeOfName = enumIndex(STATUS_CODES, "STATUS_CODE_");

function requiredId(message: Message, name: string, path: string, byteLength: 16 | 8): string {
  const id = readId(message, name, path, byteLength);
  if (id === undefined) throw new OtlpDecodeError(`${path}.${name}: a valid (non-zero) id is required`);
  return id;
}

/** Nanosecond timestamps differ by more than 2^53 only in nonsense data, so a double is fine here. */
export function durationMs(startTimeUnixNano: string, endTimeUnixNano: string): number {
  return Number(BigInt(endTimeUnixNano) - BigInt(startTimeUnixNano)) / 1_000_000;
}

function normalizeSpan(
  span: Message,
  path: string,
  context: Pick<SinkSpan, "resource" | "scope" | "serviceName">,
) {
  const kind: SpanKindName = SPAN_KINDS[readEnum(span, "kind", path, spanKindOfName)] ?? "UNSPECIFIED";
  const status = readMessage(span, "status", path);
  const statusCode = status ? readEnum(status, "code", `${path}.status`, statusCodeOfName) : 0;
  const statusMessage = status ? readString(status, "message", `${path}.status`) : "";
  const startTimeUnixNano = readUnixNano(span, "startTimeUnixNano", path);
  const endTimeUnixNano = readUnixNano(span, "endTimeUnixNano", path);
  const parentSpanId = readId(span, "parentSpanId", path, 8);
  const normalized: SinkSpan = {
    traceId: requiredId(span, "traceId", path, 16),
    spanId: requiredId(span, "spanId", path, 8),
    ...(parentSpanId === undefined ? {} : { parentSpanId }),
    name: readString(span, "name", path),
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    durationMs: durationMs(startTimeUnixNano, endTimeUnixNano),
    attributes: decodeAttributes(span, "attributes", path),
    status: {
      code: STATUS_CODES[statusCode] ?? "UNSET",
      ...(statusMessage ? { message: statusMessage } : {}),
    },
    events: readMessages(span, "events", path).map(([event, eventPath]) => ({
      name: readString(event, "name", eventPath),
      timeUnixNano: readUnixNano(event, "timeUnixNano", eventPath),
      attributes: decodeAttributes(event, "attributes", eventPath),
    })),
    links: readMessages(span, "links", path).map(([link, linkPath]) => ({
      traceId: requiredId(link, "traceId", linkPath, 16),
      spanId: requiredId(link, "spanId", linkPath, 8),
      attributes: decodeAttributes(link, "attributes", linkPath),
    })),
    ...context,
  };
  return normalized;
}

export function normalizeTraceRequest(request: unknown): SinkSpan[] {
  const spans: SinkSpan[] = [];
  const message = requestMessage(request, "ExportTraceServiceRequest");
  for (const [resourceSpans, resourcePath] of readMessages(message, "resourceSpans", "")) {
    const { resource, serviceName } = decodeResource(resourceSpans, resourcePath);
    for (const [scopeSpans, scopePath] of readMessages(resourceSpans, "scopeSpans", resourcePath)) {
      const scope = decodeScope(scopeSpans, scopePath);
      for (const [span, spanPath] of readMessages(scopeSpans, "spans", scopePath)) {
        spans.push(normalizeSpan(span, spanPath, { resource, scope, serviceName }));
      }
    }
  }
  return spans;
}
