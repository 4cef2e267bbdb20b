// What one cart may hold. A shop's limits, not Redis's: they keep a bot (or a bored shopper) from
// turning one cart into a warehouse, and keep every cart small enough to price in one catalog call.
export const MAX_QUANTITY_PER_LINE = 10;
export const MAX_LINES_PER_CART = 30;

/** How long an untouched cart lives. */
export const DEFAULT_CART_TTL_SECONDS = 2 * 3_600;

/**
 * How long a cart's data outlives its logical expiry: long enough for the sweeper to read an
 * expired cart and count it as abandoned even after a few failed or missed sweeps.
 */
export const DEFAULT_RETENTION_GRACE_SECONDS = 10 * 60;

/** The shop's currency, for a cart that has no priced product to take it from. */
export const DEFAULT_CURRENCY = "USD";

/** A line with this many units left or fewer says so ("only 3 left"). */
export const LOW_STOCK_THRESHOLD = 5;
