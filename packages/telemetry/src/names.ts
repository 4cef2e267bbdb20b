// Every custom attribute, metric and unit of the shop, in one place. Units are UCUM; counts of
// things use curly-brace annotations ({order}), money uses {currency} with the ISO code in the
// shop.currency attribute and the value in major units (12.34, not 1234).

export const ATTR = {
  /** true on every span of a trace started by a bot (from baggage `synthetic`). */
  SYNTHETIC: "shop.synthetic",
  /** The shopper session (from baggage `session.id`), to filter one bot's or person's visit. */
  SESSION_ID: "session.id",
  /** An expected business outcome recorded on a span instead of an error (card_declined...). */
  OUTCOME: "shop.outcome",
  CURRENCY: "shop.currency",
  PRODUCT_ID: "shop.product_id",
  CHECKOUT_OUTCOME: "shop.checkout.outcome",
  DECLINE_REASON: "shop.payment.decline_reason",
  CACHE_NAME: "shop.cache.name",
  /** hit or miss */
  CACHE_RESULT: "shop.cache.result",
  /** An optional dependency that failed while the caller carried on without it (recommendations). */
  DEGRADED_DEPENDENCY: "shop.degraded.dependency",
  /** Set on database spans slower than TELEMETRY_SLOW_QUERY_MS. */
  SLOW_QUERY: "db.slow_query",
  /** The tRPC error code of a failed procedure (BAD_REQUEST, INTERNAL_SERVER_ERROR...). */
  TRPC_ERROR_CODE: "trpc.error_code",
  /** Standard semantic-convention names this package sets itself. */
  ERROR_TYPE: "error.type",
  RPC_SYSTEM: "rpc.system",
  RPC_SERVICE: "rpc.service",
  RPC_METHOD: "rpc.method",
  DB_SYSTEM_NAME: "db.system.name",
  DB_QUERY_TEXT: "db.query.text",
} as const;

/** Baggage keys the bots (and the browser) set. */
export const BAGGAGE = {
  SYNTHETIC: "synthetic",
  SESSION_ID: "session.id",
} as const;

export const EVENT = {
  OUTCOME: "shop.outcome",
  DEGRADED: "shop.degraded",
} as const;

export interface MetricName {
  name: string;
  unit: string;
  description: string;
}

export const METRIC = {
  ORDERS: { name: "shop.orders", unit: "{order}", description: "Orders placed" },
  REVENUE: {
    name: "shop.revenue",
    unit: "{currency}",
    description: "Revenue of placed orders, in major units of shop.currency",
  },
  ORDER_VALUE: {
    name: "shop.order.value",
    unit: "{currency}",
    description: "Value of each placed order, in major units of shop.currency",
  },
  CHECKOUT_ATTEMPTS: {
    name: "shop.checkout.attempts",
    unit: "{attempt}",
    description: "Checkout attempts by shop.checkout.outcome",
  },
  PAYMENT_DECLINES: {
    name: "shop.payment.declines",
    unit: "{decline}",
    description: "Declined card payments by shop.payment.decline_reason",
  },
  CARTS_ABANDONED: {
    name: "shop.cart.abandoned",
    unit: "{cart}",
    description: "Carts that expired with items and without an order",
  },
  CART_ABANDONED_VALUE: {
    name: "shop.cart.abandoned.value",
    unit: "{currency}",
    description: "Value of each abandoned cart, in major units of shop.currency",
  },
  CACHE_REQUESTS: {
    name: "shop.cache.requests",
    unit: "{request}",
    description: "Cache lookups by shop.cache.name and shop.cache.result (hit, miss)",
  },
  SLOW_QUERIES: {
    name: "shop.db.slow_queries",
    unit: "{query}",
    description: "Database queries slower than TELEMETRY_SLOW_QUERY_MS",
  },
} as const satisfies Record<string, MetricName>;

/** Order and cart values in major units: a demo shop's baskets, not a bank's. */
export const MONEY_BUCKETS = [5, 10, 25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 2000];
