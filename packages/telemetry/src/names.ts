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
  /** What the payment service's orphan sweep did with a charge no order followed: refunded, linked. */
  PAYMENT_ORPHAN_ACTION: "shop.payment.orphan.action",
  /** On each sweep's span: how many orphaned charges it refunded, and how many it linked. */
  PAYMENT_ORPHANS_REFUNDED: "shop.payment.orphans.refunded",
  PAYMENT_ORPHANS_LINKED: "shop.payment.orphans.linked",
  /** On each restocking run's span: how many products it restocked, and how many units in all. */
  INVENTORY_RESTOCKED_PRODUCTS: "shop.inventory.restocked.products",
  INVENTORY_RESTOCKED_UNITS: "shop.inventory.restocked.units",
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

/** The payment service's span for the card processor's answer (never the card's number or CVC). */
export const PAYMENT_PROCESSOR_ATTR = {
  /** APPROVED, DECLINED or FAILED: the processor's answer. */
  RESULT: "shop.payment.processor.result",
  CARD_BRAND: "shop.payment.card_brand",
} as const;

/** On the inventory service's reserve span: what its rows' locks cost (inventory.contention). */
export const INVENTORY_LOCK_ATTR = {
  /** How long the reservation queued for its inventory rows' locks, in ms. */
  WAIT_MS: "shop.inventory.lock_wait_ms",
  /** How long it held them beyond the work (inventory.contention), in ms; 0 normally. */
  HOLD_MS: "shop.inventory.lock_hold_ms",
  /** The reservation gave up waiting for a lock. */
  TIMED_OUT: "shop.inventory.lock_timed_out",
} as const;

/** The catalog's missing-index reconciler (catalog.missing_index): its span and events. */
export const SCHEMA_ATTR = {
  /** Why the reconciler ran: start, flag_change, periodic, retry (soon after a run that failed). */
  RECONCILE_TRIGGER: "shop.db.reconcile.trigger",
  /** How many indexes a run dropped or created. */
  INDEX_CHANGES: "shop.db.index.changes",
  INDEX_NAME: "shop.db.index.name",
  /** dropped or created */
  INDEX_ACTION: "shop.db.index.action",
  /** One event per index changed, on the reconciler's span. */
  INDEX_CHANGE_EVENT: "shop.db.index.changed",
} as const;

/** A scenario's markers (flash sale, Black Friday...): one span per event and the console's calls. */
export const SCENARIO_ATTR = {
  name: "shop.scenario.name",
  runId: "shop.scenario.run_id",
  /** started, step, completed, stopped, aborted */
  event: "shop.scenario.event",
  step: "shop.scenario.step",
  narrative: "shop.scenario.narrative",
  timeScale: "shop.scenario.time_scale",
  reason: "shop.scenario.reason",
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
  PAYMENT_ORPHANS: {
    name: "shop.payment.orphans",
    unit: "{payment}",
    description:
      "Captured charges found without their order after a checkout died, by shop.payment.orphan.action (refunded, linked)",
  },
  INVENTORY_RESTOCKED: {
    name: "shop.inventory.restocked",
    unit: "{unit}",
    description:
      "Units delivered to products whose free stock fell to their reorder point, by shop.product_id",
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

/**
 * What the bot fleet measures, for its OpenTelemetry instruments and its Prometheus /metrics page
 * alike (Prometheus gets the same names with underscores).
 */
export const BOT_METRIC = {
  ACTIONS: {
    name: "shop.bots.actions",
    unit: "{action}",
    description: "User actions the bots completed, by journey and step",
  },
  SESSIONS: {
    name: "shop.bots.sessions",
    unit: "{session}",
    description:
      "Bot shopping sessions by journey, persona and outcome (started, completed, abandoned, failed)",
  },
  ERRORS: { name: "shop.bots.errors", unit: "{error}", description: "Errors the bots hit, by kind" },
  BROWSER_RESTARTS: {
    name: "shop.bots.browser.restarts",
    unit: "{restart}",
    description: "Times the fleet had to relaunch its browser",
  },
  STEP_DURATION: {
    name: "shop.bots.step.duration",
    unit: "s",
    description: "How long one user action took, thinking time excluded, by journey and step",
  },
  TARGET: { name: "shop.bots.target", unit: "{action}/min", description: "Target rate of user actions" },
  ACHIEVED: {
    name: "shop.bots.achieved",
    unit: "{action}/min",
    description: "Rate of user actions completed over the last minute",
  },
  CONCURRENCY: { name: "shop.bots.concurrency", unit: "{session}", description: "Bot sessions running now" },
  BACKLOG: {
    name: "shop.bots.backlog",
    unit: "{action}",
    description: "User actions due but not started: the fleet is falling behind its target",
  },
} as const satisfies Record<string, MetricName>;

/** The bot fleet's label (attribute) names, identical in OpenTelemetry and Prometheus. */
export const BOT_LABEL = {
  JOURNEY: "journey",
  STEP: "step",
  PERSONA: "persona",
  OUTCOME: "outcome",
  KIND: "kind",
} as const;

/** Order and cart values in major units: a demo shop's baskets, not a bank's. */
export const MONEY_BUCKETS = [5, 10, 25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 2000];
