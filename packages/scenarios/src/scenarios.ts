// The scenarios a presenter can run, as data. Times are seconds of the real-time (1x) timeline;
// a rehearsal at timeScale 10 walks the same steps ten times faster. Each step says what to point
// at in Coralogix while it lasts, so the story and the telemetry stay in step.
import type { Scenario, ScenarioName } from "./scenario-types.ts";

/** The flash sale's hot items (catalog slugs): popular, well stocked, a few categories. */
export const SALE_PRODUCTS = [
  "halden-wireless-headphones",
  "pell-wireless-earbuds",
  "skerry-portable-speaker",
  "corso-conical-burr-grinder",
  "ferro-gooseneck-electric-kettle",
];

const normalDay: Scenario = {
  name: "normal-day",
  title: "Normal day",
  summary:
    "A healthy shop breathing with the day: 30 to 60 user actions a minute, under 5% errors, p95 under 500 ms.",
  durationSeconds: 900,
  steps: [
    {
      atSeconds: 0,
      narrative:
        "Morning: a handful of shoppers browse, search and buy. Every click is one trace from the browser to the database.",
      look: "RUM > sessions (synthetic=true): open one session's replay, then its trace from the click to PostgreSQL.",
      traffic: { perMinute: 30 },
      flags: {},
    },
    {
      atSeconds: 120,
      narrative: "Lunchtime: traffic doubles gently; the cache and the database take it in their stride.",
      look: "APM > storefront: request rate rising while p95 and the error rate stay flat.",
      traffic: { rampTo: 60 },
      flags: {},
    },
    {
      atSeconds: 360,
      narrative:
        "The busy hour: orders, revenue and average order value tick along beside the technical metrics.",
      look: "Custom dashboard: shop.orders, shop.revenue and checkout success rate next to latency.",
      traffic: { perMinute: 60 },
      flags: {},
    },
    {
      atSeconds: 660,
      narrative: "Evening: the crowd thins out; carts left behind show up as abandonment.",
      look: "Metrics: shop.cart.abandoned and the checkout funnel by step.",
      traffic: { rampTo: 30 },
      flags: {},
    },
    {
      atSeconds: 840,
      narrative: "A quiet close: everything green, the baseline the other scenarios are measured against.",
      look: "Service map: every service healthy; note the baseline p95 per service.",
      traffic: { perMinute: 30 },
      flags: {},
    },
  ],
};

const flashSale: Scenario = {
  name: "flash-sale",
  title: "Flash sale",
  summary:
    "Traffic ramps from 30 to 300 actions a minute onto a few hot products: the cache carries the catalog, inventory rows are contended, errors rise gradually and recover when the sale ends.",
  durationSeconds: 1_260,
  steps: [
    {
      atSeconds: 0,
      narrative: "Before the sale: a normal crowd, a healthy shop. Remember these numbers.",
      look: "APM > storefront and checkout: baseline request rate, p95 and error rate.",
      traffic: { perMinute: 30 },
      flags: {},
    },
    {
      atSeconds: 90,
      narrative:
        "The sale email lands: traffic ramps tenfold, most shoppers heading for the same five products.",
      look: "RUM: sessions landing on the sale products with utm_campaign; APM: request rate climbing.",
      traffic: { rampTo: 300, hotProducts: SALE_PRODUCTS, hotShare: 0.5 },
      flags: {},
    },
    {
      atSeconds: 330,
      narrative: "Peak load, and the cache carries the catalog: product reads barely touch PostgreSQL.",
      look: "Catalog service: cache hit ratio and Redis spans vs database spans on product pages.",
      traffic: { perMinute: 300, hotProducts: SALE_PRODUCTS, hotShare: 0.6 },
      flags: { "inventory.contention": { lockHoldMs: 150 } },
    },
    {
      atSeconds: 480,
      narrative: "Everyone wants the same stock: reservations queue on the hot products' inventory rows.",
      look: "Database: inventory reservation query duration; traces of checkout waiting on the row lock.",
      traffic: { perMinute: 300, hotProducts: SALE_PRODUCTS, hotShare: 0.6 },
      flags: {
        "inventory.contention": { lockHoldMs: 400 },
        "payment.degraded": { extraLatencyMs: 300, errorRate: 0.02 },
      },
    },
    {
      atSeconds: 660,
      narrative:
        "The card processor feels the sale too: payments slow down and a few fail. Errors rise, gradually.",
      look: "APM > payment: latency and error rate; checkout attempts by outcome; reserve spans with shop.inventory.lock_wait_ms.",
      traffic: { perMinute: 300, hotProducts: SALE_PRODUCTS, hotShare: 0.6 },
      flags: {
        "inventory.contention": { lockHoldMs: 700 },
        "payment.degraded": { extraLatencyMs: 800, errorRate: 0.05 },
      },
    },
    {
      atSeconds: 840,
      narrative: "The sale ends: traffic ramps down and the pressure eases.",
      look: "APM: request rate falling, error rate and p95 following it down.",
      traffic: { rampTo: 30 },
      flags: { "inventory.contention": { lockHoldMs: 150 } },
    },
    {
      atSeconds: 1_020,
      narrative: "Recovery: back to the morning's numbers. Compare revenue during the sale with before.",
      look: "Dashboard: shop.revenue and shop.orders over the whole sale; p95 back to baseline.",
      traffic: { perMinute: 30 },
      flags: {},
    },
  ],
};

const blackFriday: Scenario = {
  name: "black-friday",
  title: "Black Friday database degradation",
  summary:
    "Black Friday traffic, then a progressive database failure: a missing index, slower queries, a saturated pool, timeouts and 503s, failing checkouts; then the fix and recovery.",
  durationSeconds: 1_500,
  steps: [
    {
      atSeconds: 0,
      narrative: "Black Friday morning: a healthy shop at normal traffic.",
      look: "Service map: all green; note the database's query duration baseline.",
      traffic: { perMinute: 40 },
      flags: {},
    },
    {
      atSeconds: 60,
      narrative: "The crowd arrives: traffic ramps to five times normal, and the shop keeps up.",
      look: "APM > storefront: request rate climbing, p95 still under 500 ms.",
      traffic: { rampTo: 200, hotProducts: SALE_PRODUCTS, hotShare: 0.3 },
      flags: {},
    },
    {
      atSeconds: 300,
      narrative: "A migration dropped an index: catalog listings and searches turn into sequential scans.",
      look: "Database > queries: the catalog's listing query duration jumping; its spans' db.query.text.",
      traffic: { perMinute: 200, hotProducts: SALE_PRODUCTS, hotShare: 0.3 },
      flags: { "db.missing_index": true },
    },
    {
      atSeconds: 480,
      narrative: "Slow queries hold their connections longer: the connection pool starts to fill.",
      look: "Catalog and checkout: connection wait time on database spans; latency alert pending.",
      traffic: { perMinute: 200, hotProducts: SALE_PRODUCTS, hotShare: 0.3 },
      flags: { "db.missing_index": true, "db.pool_exhaustion": { heldShare: 0.3, holdMs: 300 } },
    },
    {
      atSeconds: 660,
      narrative:
        "The pool is saturated: a request that cannot get a connection within a quarter second is shed with 503 + Retry-After. Checkouts fail fast; those that get through stay quick.",
      look: "Alerts: the checkout error-rate alert fires first; APM shows 503s with error.type SERVICE_BUSY; checkout p95 still under its threshold.",
      traffic: { perMinute: 200, hotProducts: SALE_PRODUCTS, hotShare: 0.3 },
      flags: { "db.missing_index": true, "db.pool_exhaustion": { heldShare: 0.6, holdMs: 800 } },
    },
    {
      atSeconds: 840,
      narrative:
        "Shoppers retry the hot deals: their reservations queue on the same inventory rows while the pool stays saturated. The checkouts that get through now take seconds; revenue drops.",
      look: "Flow alert: error rate, then latency; inventory reserve spans with shop.inventory.lock_wait_ms; checkout attempts by outcome; shop.revenue falling.",
      traffic: { perMinute: 200, hotProducts: SALE_PRODUCTS, hotShare: 0.6 },
      flags: {
        "db.missing_index": true,
        "db.pool_exhaustion": { heldShare: 0.6, holdMs: 800 },
        "inventory.contention": { lockHoldMs: 1_500 },
      },
    },
    {
      atSeconds: 1_020,
      narrative:
        "The fix: the index is restored, the pool drains and the locks are let go. Watch the platform recover.",
      look: "Database: query duration back to baseline; alerts resolving in order.",
      traffic: { perMinute: 200 },
      flags: {},
    },
    {
      atSeconds: 1_200,
      narrative: "Evening: the crowd goes home, every number back to normal.",
      look: "Dashboard: the whole incident in one view, from the missing index to recovery.",
      traffic: { rampTo: 40 },
      flags: {},
    },
    {
      atSeconds: 1_380,
      narrative: "Recovered: a healthy shop at normal traffic.",
      look: "Service map: all green again.",
      traffic: { perMinute: 40 },
      flags: {},
    },
  ],
};

const dbIncident: Scenario = {
  name: "db-incident",
  title: "Database incident",
  summary:
    "The database failure alone, at normal traffic: missing index, pool saturation, 503s, then the fix.",
  durationSeconds: 720,
  steps: [
    {
      atSeconds: 0,
      narrative: "A normal day at normal traffic.",
      look: "Database: query duration baseline per service.",
      traffic: { perMinute: 40 },
      flags: {},
    },
    {
      atSeconds: 60,
      narrative: "An index goes missing: the catalog's queries turn into sequential scans.",
      look: "Database > queries: the listing query's duration; its spans' db.query.text.",
      traffic: { perMinute: 40 },
      flags: { "db.missing_index": true },
    },
    {
      atSeconds: 180,
      narrative: "Connections are held longer: the pool fills and requests start to wait.",
      look: "Database spans: connection wait; storefront p95 climbing.",
      traffic: { perMinute: 40 },
      flags: { "db.missing_index": true, "db.pool_exhaustion": { heldShare: 0.5, holdMs: 600 } },
    },
    {
      atSeconds: 330,
      narrative: "Saturation: timeouts, 503s with Retry-After, failed checkouts.",
      look: "Alerts: error rate, then latency; APM errors by error.type.",
      traffic: { perMinute: 40 },
      flags: { "db.missing_index": true, "db.pool_exhaustion": { heldShare: 0.8, holdMs: 1_500 } },
    },
    {
      atSeconds: 480,
      narrative: "The fix: the index is back and the pool drains; the platform recovers.",
      look: "Database: query duration and error rate back to baseline; alerts resolving.",
      traffic: { perMinute: 40 },
      flags: {},
    },
  ],
};

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  "normal-day": normalDay,
  "flash-sale": flashSale,
  "black-friday": blackFriday,
  "db-incident": dbIncident,
};
