// The catalog's own span attribute and event names (the shared ones live in @shop/telemetry's
// names.ts; these belong there once another process records schema changes).
export const CATALOG_ATTR = {
  /** Why the missing-index reconciler ran: start, flag_change, periodic. */
  RECONCILE_TRIGGER: "shop.db.reconcile.trigger",
  /** How many indexes a run dropped or created. */
  INDEX_CHANGES: "shop.db.index.changes",
  INDEX_NAME: "shop.db.index.name",
  /** dropped or created */
  INDEX_ACTION: "shop.db.index.action",
  /** One event per index changed, on the reconciler's span. */
  INDEX_CHANGE_EVENT: "shop.db.index.changed",
} as const;
