// The JSON query API over the store (documented in README.md). Handlers return a status and a
// body; parameter problems surface as QueryParameterError, which the server answers with 400.
import {
  expectNoParams,
  parseLogQuery,
  parseMetricQuery,
  parseRumEventQuery,
  parseRumRecordingQuery,
  parseSpanQuery,
  parseTraceId,
  parseTraceQuery,
} from "./query-params.ts";
import type { SinkStore } from "./store.ts";

export interface QueryResult {
  status: number;
  body: unknown;
}

type Handler = (store: SinkStore, params: URLSearchParams, pathMatch: RegExpExecArray) => QueryResult;

interface Route {
  path: RegExp;
  methods: Partial<Record<string, Handler>>;
}

const ok = (body: unknown): QueryResult => ({ status: 200, body });

const ROUTES: Route[] = [
  {
    path: /^\/healthz$/,
    methods: { GET: () => ok({ ok: true }) },
  },
  {
    path: /^\/api\/traces$/,
    methods: { GET: (store, params) => ok(store.traces(parseTraceQuery(params))) },
  },
  {
    path: /^\/api\/traces\/([^/]+)$/,
    methods: {
      GET: (store, params, match) => {
        expectNoParams(params);
        const traceId = parseTraceId(match[1] ?? "");
        const trace = store.trace(traceId);
        return trace ? ok(trace) : { status: 404, body: { error: `trace ${traceId} not found` } };
      },
    },
  },
  {
    path: /^\/api\/spans$/,
    methods: { GET: (store, params) => ok(store.spans(parseSpanQuery(params))) },
  },
  {
    path: /^\/api\/logs$/,
    methods: { GET: (store, params) => ok(store.logs(parseLogQuery(params))) },
  },
  {
    path: /^\/api\/metrics$/,
    methods: { GET: (store, params) => ok(store.metrics(parseMetricQuery(params))) },
  },
  {
    path: /^\/api\/metrics\/names$/,
    methods: {
      GET: (store, params) => {
        expectNoParams(params);
        return ok(store.metricNames());
      },
    },
  },
  {
    path: /^\/api\/rum\/events$/,
    methods: { GET: (store, params) => ok(store.rumEvents(parseRumEventQuery(params))) },
  },
  {
    path: /^\/api\/rum\/recordings$/,
    methods: { GET: (store, params) => ok(store.rumRecordings(parseRumRecordingQuery(params))) },
  },
  {
    path: /^\/api\/stats$/,
    methods: {
      GET: (store, params) => {
        expectNoParams(params);
        return ok(store.stats());
      },
    },
  },
  {
    path: /^\/api\/data$/,
    methods: {
      DELETE: (store, params) => {
        expectNoParams(params);
        store.clear();
        return ok({ cleared: true });
      },
    },
  },
];

export type RouteMatch =
  | { kind: "handler"; handler: Handler; match: RegExpExecArray }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

export function findRoute(method: string, pathname: string): RouteMatch {
  for (const route of ROUTES) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    const handler = route.methods[method];
    if (handler) return { kind: "handler", handler, match };
    return { kind: "method-not-allowed", allowed: Object.keys(route.methods) };
  }
  return { kind: "not-found" };
}
