// ExportLogsServiceRequest → SinkLogRecord[].
import type { SinkLogRecord } from "./model.ts";
import { decodeResource, decodeScope } from "./otlp-resource.ts";
import {
  decodeAnyValue,
  decodeAttributes,
  readEnum,
  readId,
  readMessage,
  readMessages,
  readString,
  readUnixNano,
  requestMessage,
} from "./otlp-values.ts";
import { severityNumberOf } from "./severity.ts";

export function normalizeLogsRequest(request: unknown): SinkLogRecord[] {
  const records: SinkLogRecord[] = [];
  const message = requestMessage(request, "ExportLogsServiceRequest");
  for (const [resourceLogs, resourcePath] of readMessages(message, "resourceLogs", "")) {
    const { resource, serviceName } = decodeResource(resourceLogs, resourcePath);
    for (const [scopeLogs, scopePath] of readMessages(resourceLogs, "scopeLogs", resourcePath)) {
      const scope = decodeScope(scopeLogs, scopePath);
      for (const [record, path] of readMessages(scopeLogs, "logRecords", scopePath)) {
        const body = readMessage(record, "body", path);
        const traceId = readId(record, "traceId", path, 16);
        const spanId = readId(record, "spanId", path, 8);
        records.push({
          timeUnixNano: readUnixNano(record, "timeUnixNano", path),
          observedTimeUnixNano: readUnixNano(record, "observedTimeUnixNano", path),
          severityNumber: readEnum(record, "severityNumber", path, severityNumberOf),
          severityText: readString(record, "severityText", path),
          body: body ? decodeAnyValue(body, `${path}.body`) : null,
          attributes: decodeAttributes(record, "attributes", path),
          ...(traceId === undefined ? {} : { traceId }),
          ...(spanId === undefined ? {} : { spanId }),
          resource,
          scope,
          serviceName,
        });
      }
    }
  }
  return records;
}
