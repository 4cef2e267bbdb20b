// The business side of the dashboards, recorded where it happens: orders and revenue in checkout,
// declines in payment, abandonment in cart, deliveries in inventory. Instruments are created on
// first use, after the SDK has registered its meter provider (the metrics API has no proxy: a
// meter taken earlier would stay a no-op forever).
import { metrics } from "@opentelemetry/api";
import type { Counter, Histogram } from "@opentelemetry/api";
import { ATTR, METRIC, MONEY_BUCKETS } from "./names.ts";
import type { MetricName } from "./names.ts";

export type CheckoutOutcome = "success" | "declined" | "out_of_stock" | "invalid" | "error";

interface Instruments {
  orders: Counter;
  revenue: Counter;
  orderValue: Histogram;
  checkoutAttempts: Counter;
  paymentDeclines: Counter;
  paymentOrphans: Counter;
  inventoryRestocked: Counter;
  cartsAbandoned: Counter;
  cartAbandonedValue: Histogram;
  slowQueries: Counter;
  cacheRequests: Counter;
}

let instruments: Instruments | undefined;

function create(): Instruments {
  const meter = metrics.getMeter("@shop/business");
  const counter = (metric: MetricName) =>
    meter.createCounter(metric.name, { unit: metric.unit, description: metric.description });
  const money = (metric: MetricName) =>
    meter.createHistogram(metric.name, {
      unit: metric.unit,
      description: metric.description,
      advice: { explicitBucketBoundaries: MONEY_BUCKETS },
    });
  return {
    orders: counter(METRIC.ORDERS),
    revenue: counter(METRIC.REVENUE),
    orderValue: money(METRIC.ORDER_VALUE),
    checkoutAttempts: counter(METRIC.CHECKOUT_ATTEMPTS),
    paymentDeclines: counter(METRIC.PAYMENT_DECLINES),
    paymentOrphans: counter(METRIC.PAYMENT_ORPHANS),
    inventoryRestocked: counter(METRIC.INVENTORY_RESTOCKED),
    cartsAbandoned: counter(METRIC.CARTS_ABANDONED),
    cartAbandonedValue: money(METRIC.CART_ABANDONED_VALUE),
    slowQueries: counter(METRIC.SLOW_QUERIES),
    cacheRequests: counter(METRIC.CACHE_REQUESTS),
  };
}

function get(): Instruments {
  instruments ??= create();
  return instruments;
}

/** Minor units to major units of the currency (cents to dollars; yen stay yen). */
export function toMajorUnits(amountMinor: number, currency: string): number {
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return amountMinor / 10 ** digits;
}

export const businessMetrics = {
  orderPlaced(order: { totalMinor: number; currency: string }) {
    const attributes = { [ATTR.CURRENCY]: order.currency };
    const value = toMajorUnits(order.totalMinor, order.currency);
    get().orders.add(1, attributes);
    get().revenue.add(value, attributes);
    get().orderValue.record(value, attributes);
  },
  checkoutAttempt(outcome: CheckoutOutcome) {
    get().checkoutAttempts.add(1, { [ATTR.CHECKOUT_OUTCOME]: outcome });
  },
  paymentDeclined(reason: string) {
    get().paymentDeclines.add(1, { [ATTR.DECLINE_REASON]: reason });
  },
  paymentOrphans(action: "refunded" | "linked", count: number) {
    if (count > 0) get().paymentOrphans.add(count, { [ATTR.PAYMENT_ORPHAN_ACTION]: action });
  },
  inventoryRestocked(productId: number, units: number) {
    if (units > 0) get().inventoryRestocked.add(units, { [ATTR.PRODUCT_ID]: productId });
  },
  cartAbandoned(cart: { valueMinor: number; currency: string }) {
    const attributes = { [ATTR.CURRENCY]: cart.currency };
    get().cartsAbandoned.add(1, attributes);
    get().cartAbandonedValue.record(toMajorUnits(cart.valueMinor, cart.currency), attributes);
  },
  cacheLookup(cache: string, hit: boolean) {
    get().cacheRequests.add(1, { [ATTR.CACHE_NAME]: cache, [ATTR.CACHE_RESULT]: hit ? "hit" : "miss" });
  },
  slowQuery(system: string) {
    get().slowQueries.add(1, { "db.system.name": system });
  },
};
