// A cart that expires with items and without an order is abandoned: counted once (the metric the
// "abandoned carts" dashboard reads) and logged, valued at the catalog's current prices. Who
// counts it is whoever claimed it from the expiry index (cart-scripts.ts), so it is never twice.
import { businessMetrics, logger, toMajorUnits } from "@shop/telemetry";
import { currencyOf } from "./cart-view.ts";
import type { CartLine } from "./cart-store.ts";
import type { CatalogProduct, ProductCatalog } from "./product-catalog.ts";

export interface AbandonedCart {
  cartId: string;
  items: number;
  /** At current prices; products the catalog no longer sells are worth nothing. */
  valueMinor: number;
  currency: string;
}

export function abandonedCart(
  cartId: string,
  lines: readonly CartLine[],
  products: ReadonlyMap<number, CatalogProduct>,
): AbandonedCart {
  const priced = lines.flatMap((line) => {
    const product = products.get(line.productId);
    return product ? [{ product, quantity: line.quantity }] : [];
  });
  return {
    cartId,
    items: lines.reduce((sum, line) => sum + line.quantity, 0),
    valueMinor: priced.reduce((sum, { product, quantity }) => sum + product.priceMinor * quantity, 0),
    currency: currencyOf(priced.map(({ product }) => product)),
  };
}

export function recordAbandonedCart(cart: AbandonedCart): void {
  businessMetrics.cartAbandoned({ valueMinor: cart.valueMinor, currency: cart.currency });
  const worth = toMajorUnits(cart.valueMinor, cart.currency).toFixed(2);
  logger.info(
    { cartId: cart.cartId, items: cart.items, valueMinor: cart.valueMinor, currency: cart.currency },
    `cart ${cart.cartId} abandoned: ${String(cart.items)} items worth ${worth} ${cart.currency}`,
  );
}

/**
 * Values and records a cart a shopper's write found expired. The write has already claimed it, so
 * when the catalog cannot price it the count is lost rather than failing the shopper's request.
 */
export async function recordClaimedCart(
  cartId: string,
  lines: readonly CartLine[],
  catalog: ProductCatalog,
): Promise<void> {
  if (lines.length === 0) return;
  try {
    const products = await catalog.productsByIds(lines.map((line) => line.productId));
    recordAbandonedCart(abandonedCart(cartId, lines, products));
  } catch (error) {
    logger.warn({ err: error, cartId }, `abandoned cart ${cartId} could not be valued; not counted`);
  }
}
