// Query-string parameters of the query API → typed queries. Unknown or repeated parameters are
// errors rather than ignored, so a typo in a test (`?servce=cart`) fails loudly instead of
// silently matching everything.
import { z } from "zod";
import { SPAN_KINDS } from "./model.ts";
import type { SpanKindName } from "./model.ts";
import type {
  LogQuery,
  MetricQuery,
  RumEventQuery,
  RumRecordingQuery,
  SpanQuery,
  TraceQuery,
} from "./queries.ts";
import { severityNumberOf } from "./severity.ts";

export class QueryParameterError extends Error {
  override name = "QueryParameterError";
}

export const MAX_LIMIT = 100_000;

const TRACE_ID = /^[0-9a-fA-F]{32}$/;

const traceId = z
  .string()
  .regex(TRACE_ID, { error: "must be 32 hex characters" })
  .transform((id) => id.toLowerCase());

const text = z.string().min(1, { error: "must not be empty" });

const limit = z
  .string()
  .regex(/^\d+$/, { error: "must be a positive integer" })
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, { error: "must be at least 1" })
      .max(MAX_LIMIT, { error: `must be at most ${MAX_LIMIT}` }),
  );

const kind = z.string().transform((value, context): SpanKindName => {
  const name = value.toUpperCase().replace(/^SPAN_KIND_/, "");
  const found = SPAN_KINDS.find((candidate) => candidate === name);
  if (found) return found;
  context.addIssue({ code: "custom", message: `must be one of ${SPAN_KINDS.join(", ")}` });
  return z.NEVER;
});

const severity = z.string().transform((value, context): number => {
  const number = /^\d+$/.test(value) ? Number(value) : severityNumberOf(value);
  if (number !== undefined && number <= 24) return number;
  context.addIssue({
    code: "custom",
    message: "must be a severity number (0-24) or a level (TRACE, DEBUG, INFO, WARN, ERROR, FATAL)",
  });
  return z.NEVER;
});

const traceQuery = z.strictObject({ service: text.optional(), limit: limit.optional() });
const spanQuery = z.strictObject({
  traceId: traceId.optional(),
  service: text.optional(),
  name: text.optional(),
  kind: kind.optional(),
  limit: limit.optional(),
});
const logQuery = z.strictObject({
  traceId: traceId.optional(),
  service: text.optional(),
  minSeverity: severity.optional(),
  contains: text.optional(),
  limit: limit.optional(),
});
const metricQuery = z.strictObject({
  name: text.optional(),
  service: text.optional(),
  limit: limit.optional(),
});

const rumEventQuery = z.strictObject({
  type: text.optional(),
  session: text.optional(),
  trace: traceId.optional(),
  limit: limit.optional(),
});
const rumRecordingQuery = z.strictObject({ session: text.optional(), limit: limit.optional() });

/** Each parameter once; `attr.<key>` parameters are collected separately when allowed. */
function singleValues(params: URLSearchParams, allowAttributes: boolean) {
  const values: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  for (const [key, value] of params) {
    const isAttribute = allowAttributes && key.startsWith("attr.") && key.length > "attr.".length;
    const target = isAttribute ? attributes : values;
    const name = isAttribute ? key.slice("attr.".length) : key;
    if (Object.hasOwn(target, name))
      throw new QueryParameterError(`query parameter "${key}" is given more than once`);
    Object.defineProperty(target, name, { value, enumerable: true });
  }
  return { values, attributes };
}

function parse<T>(schema: z.ZodType<T>, values: Record<string, string>, allowed: string): T {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join(".")} ${issue.message}` : issue.message,
  );
  throw new QueryParameterError(`bad query parameters: ${problems.join("; ")} (allowed: ${allowed})`);
}

/** Drops the keys whose value is undefined, as the query types' optional properties expect. */
function defined<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as T;
}

export function parseTraceQuery(params: URLSearchParams): TraceQuery {
  return defined(parse(traceQuery, singleValues(params, false).values, "service, limit"));
}

export function parseSpanQuery(params: URLSearchParams): SpanQuery {
  const { values, attributes } = singleValues(params, true);
  const query: SpanQuery = defined(
    parse(spanQuery, values, "traceId, service, name, kind, limit, attr.<key>"),
  );
  return Object.keys(attributes).length > 0 ? { ...query, attributes } : query;
}

export function parseLogQuery(params: URLSearchParams): LogQuery {
  return defined(
    parse(logQuery, singleValues(params, false).values, "traceId, service, minSeverity, contains, limit"),
  );
}

export function parseMetricQuery(params: URLSearchParams): MetricQuery {
  return defined(parse(metricQuery, singleValues(params, false).values, "name, service, limit"));
}

export function parseRumEventQuery(params: URLSearchParams): RumEventQuery {
  return defined(parse(rumEventQuery, singleValues(params, false).values, "type, session, trace, limit"));
}

export function parseRumRecordingQuery(params: URLSearchParams): RumRecordingQuery {
  return defined(parse(rumRecordingQuery, singleValues(params, false).values, "session, limit"));
}

export function parseTraceId(value: string): string {
  const result = traceId.safeParse(value);
  if (!result.success) throw new QueryParameterError(`trace id "${value}" must be 32 hex characters`);
  return result.data;
}

/** No parameters at all, for endpoints that take none. */
export function expectNoParams(params: URLSearchParams): void {
  const [first] = params.keys();
  if (first !== undefined)
    throw new QueryParameterError(`unknown query parameter "${first}" (this endpoint takes none)`);
}
