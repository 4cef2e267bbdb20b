// Every metric the shop emits that an alert may query, with the attributes it carries, taken from
// where the names are defined: @shop/telemetry's names.ts for the shop's own metrics, the
// semantic conventions for the HTTP server duration (recorded by @shop/telemetry's http-server.ts)
// and for the PostgreSQL pool metrics of @opentelemetry/instrumentation-pg (which imports the
// same constants). An alert querying anything else queries nothing.
import {
  ATTR_DB_CLIENT_CONNECTION_POOL_NAME,
  ATTR_DB_CLIENT_CONNECTION_STATE,
  METRIC_DB_CLIENT_CONNECTION_COUNT,
  METRIC_DB_CLIENT_CONNECTION_MAX,
  METRIC_DB_CLIENT_CONNECTION_PENDING_REQUESTS,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
} from "@opentelemetry/semantic-conventions/incubating";
import { prometheusLabel, prometheusNames } from "../alerts/prometheus-names.ts";
import type { Instrument } from "../alerts/prometheus-names.ts";
import { ATTR, METRIC } from "../../packages/telemetry/src/names.ts";

export interface CatalogEntry extends Instrument {
  /** Where it is recorded, for the docs and failure messages. */
  source: string;
  attributes: string[];
}

const BUSINESS = "@shop/telemetry business-metrics.ts";

export const EMITTED_METRICS: CatalogEntry[] = [
  { ...METRIC.ORDERS, kind: "counter", source: BUSINESS, attributes: [ATTR.CURRENCY] },
  { ...METRIC.REVENUE, kind: "counter", source: BUSINESS, attributes: [ATTR.CURRENCY] },
  { ...METRIC.ORDER_VALUE, kind: "histogram", source: BUSINESS, attributes: [ATTR.CURRENCY] },
  { ...METRIC.CHECKOUT_ATTEMPTS, kind: "counter", source: BUSINESS, attributes: [ATTR.CHECKOUT_OUTCOME] },
  { ...METRIC.PAYMENT_DECLINES, kind: "counter", source: BUSINESS, attributes: [ATTR.DECLINE_REASON] },
  { ...METRIC.CARTS_ABANDONED, kind: "counter", source: BUSINESS, attributes: [ATTR.CURRENCY] },
  { ...METRIC.CART_ABANDONED_VALUE, kind: "histogram", source: BUSINESS, attributes: [ATTR.CURRENCY] },
  {
    ...METRIC.CACHE_REQUESTS,
    kind: "counter",
    source: BUSINESS,
    attributes: [ATTR.CACHE_NAME, ATTR.CACHE_RESULT],
  },
  { ...METRIC.SLOW_QUERIES, kind: "counter", source: BUSINESS, attributes: [ATTR.DB_SYSTEM_NAME] },
  {
    name: METRIC_HTTP_SERVER_REQUEST_DURATION,
    unit: "s",
    kind: "histogram",
    source: "@shop/telemetry http-server.ts (services) and next-request-metrics.ts (storefront)",
    attributes: [
      "http.request.method",
      "http.route",
      "http.response.status_code",
      "url.scheme",
      ATTR.ERROR_TYPE,
    ],
  },
  {
    name: METRIC_DB_CLIENT_CONNECTION_COUNT,
    unit: "{connection}",
    kind: "updowncounter",
    source: "@opentelemetry/instrumentation-pg",
    attributes: [ATTR_DB_CLIENT_CONNECTION_STATE, ATTR_DB_CLIENT_CONNECTION_POOL_NAME],
  },
  {
    name: METRIC_DB_CLIENT_CONNECTION_PENDING_REQUESTS,
    unit: "{connection}",
    kind: "updowncounter",
    source: "@opentelemetry/instrumentation-pg",
    attributes: [ATTR_DB_CLIENT_CONNECTION_POOL_NAME],
  },
  {
    // The pool's size (pg.Pool's options.max), added when the instrumentation first sees the pool
    // check out a connection and taken back (0) when the pool ends. Semantic conventions 1.45
    // renamed it db.client.connection.limit; instrumentation-pg 0.77 still emits this name
    // (packages/telemetry/src/pg-pool-metrics.integration-test.ts checks), and the alert must
    // query what is emitted.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    name: METRIC_DB_CLIENT_CONNECTION_MAX,
    unit: "{connection}",
    kind: "updowncounter",
    source: "@opentelemetry/instrumentation-pg",
    attributes: [ATTR_DB_CLIENT_CONNECTION_POOL_NAME],
  },
];

/** PromQL series name -> the label names it may be filtered on. */
export function promqlCatalog(): Map<string, { entry: CatalogEntry; labels: Set<string> }> {
  const catalog = new Map<string, { entry: CatalogEntry; labels: Set<string> }>();
  for (const entry of EMITTED_METRICS) {
    for (const series of prometheusNames(entry)) {
      const labels = new Set(entry.attributes.map(prometheusLabel));
      if (series.endsWith("_bucket")) labels.add("le");
      catalog.set(series, { entry, labels });
    }
  }
  return catalog;
}
