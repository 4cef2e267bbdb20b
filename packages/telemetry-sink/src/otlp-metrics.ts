// ExportMetricsServiceRequest → SinkMetricPoint[]: one point per data point, carrying its metric's
// name, unit and type.
import type { MetricType, SinkMetricPoint } from "./model.ts";
import { decodeResource, decodeScope } from "./otlp-resource.ts";
import type { ResourceContext } from "./otlp-resource.ts";
import {
  decodeAttributes,
  field,
  readBool,
  readDouble,
  readDoubles,
  readInteger,
  readIntegers,
  readMessage,
  readMessages,
  readString,
  readUnixNano,
  requestMessage,
} from "./otlp-values.ts";
import type { Message } from "./otlp-values.ts";

const METRIC_TYPES: readonly MetricType[] = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"];

interface MetricContext extends ResourceContext {
  name: string;
  description: string;
  unit: string;
  type: MetricType;
  /** Sums only. */
  monotonic?: boolean;
}

/** Keeps the optional numbers that are present, so absent ones stay absent rather than undefined. */
function present(values: Record<string, number | undefined>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) result[key] = value;
  return result;
}

function histogramTotals(point: Message, path: string): Partial<SinkMetricPoint> {
  return {
    count: readInteger(point, "count", path) ?? 0,
    ...present({
      sum: readDouble(point, "sum", path),
      min: readDouble(point, "min", path),
      max: readDouble(point, "max", path),
    }),
  };
}

function pointValues(type: MetricType, point: Message, path: string): Partial<SinkMetricPoint> {
  switch (type) {
    case "gauge":
    case "sum":
      return present({ value: readDouble(point, "asDouble", path) ?? readInteger(point, "asInt", path) });
    case "histogram":
      return {
        ...histogramTotals(point, path),
        bucketCounts: readIntegers(point, "bucketCounts", path),
        explicitBounds: readDoubles(point, "explicitBounds", path),
      };
    case "exponentialHistogram":
      // Exponential buckets (scale, offsets) are not kept: tests and queries look at the totals.
      return histogramTotals(point, path);
    case "summary":
      return {
        count: readInteger(point, "count", path) ?? 0,
        ...present({ sum: readDouble(point, "sum", path) }),
      };
  }
}

function normalizePoint(point: Message, path: string, metric: MetricContext): SinkMetricPoint {
  const { name, description, unit, type, monotonic, resource, serviceName } = metric;
  return {
    name,
    description,
    unit,
    type,
    ...(monotonic === undefined ? {} : { monotonic }),
    attributes: decodeAttributes(point, "attributes", path),
    resource,
    serviceName,
    startTimeUnixNano: readUnixNano(point, "startTimeUnixNano", path),
    timeUnixNano: readUnixNano(point, "timeUnixNano", path),
    ...pointValues(type, point, path),
  };
}

function normalizeMetric(metric: Message, path: string, context: ResourceContext): SinkMetricPoint[] {
  const type = METRIC_TYPES.find((candidate) => field(metric, candidate) !== undefined);
  // A metric without data carries nothing to keep.
  if (type === undefined) return [];
  const data = readMessage(metric, type, path) ?? {};
  const dataPath = `${path}.${type}`;
  const metricContext: MetricContext = {
    name: readString(metric, "name", path),
    description: readString(metric, "description", path),
    unit: readString(metric, "unit", path),
    type,
    ...(type === "sum" ? { monotonic: readBool(data, "isMonotonic", dataPath) } : {}),
    ...context,
  };
  return readMessages(data, "dataPoints", dataPath).map(([point, pointPath]) =>
    normalizePoint(point, pointPath, metricContext),
  );
}

export function normalizeMetricsRequest(request: unknown): SinkMetricPoint[] {
  const points: SinkMetricPoint[] = [];
  const message = requestMessage(request, "ExportMetricsServiceRequest");
  for (const [resourceMetrics, resourcePath] of readMessages(message, "resourceMetrics", "")) {
    const context = decodeResource(resourceMetrics, resourcePath);
    for (const [scopeMetrics, scopePath] of readMessages(resourceMetrics, "scopeMetrics", resourcePath)) {
      // The scope is validated but not kept: metric points are queried by name and service.
      decodeScope(scopeMetrics, scopePath);
      for (const [metric, metricPath] of readMessages(scopeMetrics, "metrics", scopePath)) {
        for (const point of normalizeMetric(metric, metricPath, context)) points.push(point);
      }
    }
  }
  return points;
}
