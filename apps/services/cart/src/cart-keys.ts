// Where a cart lives in Redis. Cart ids cannot contain ':', so no cart's key can collide with the
// index's.
export interface CartKeys {
  /** The cart's lines: a hash of product id -> quantity. */
  lines: (cartId: string) => string;
  /** Every live cart scored by its logical expiry (epoch ms): what the sweeper walks. */
  expiries: string;
}

export function cartKeys(prefix: string): CartKeys {
  return {
    lines: (cartId) => `${prefix}:lines:${cartId}`,
    expiries: `${prefix}:expiries`,
  };
}
