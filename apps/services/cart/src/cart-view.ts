// What a shopper sees of a cart: its lines priced at the catalog's current prices, with a warning
// on each line the shop cannot (fully) sell. Pure: the service passes what Redis and the catalog
// said, so every rule of the display is testable without either.
import { DEFAULT_CURRENCY, LOW_STOCK_THRESHOLD } from "./cart-limits.ts";
import type { CartLine, StoredCart } from "./cart-store.ts";
import type { CatalogProduct } from "./product-catalog.ts";

export const NO_LONGER_AVAILABLE = "no longer available";

export interface CartLineView {
  productId: number;
  quantity: number;
  /** The product's current name, slug, image and price; null once the catalog no longer sells it. */
  name: string | null;
  slug: string | null;
  image: string | null;
  unitPriceMinor: number | null;
  /** unitPriceMinor × quantity (0 when the product is gone). */
  lineTotalMinor: number;
  /** Units the shop can sell now. */
  available: number;
  /** "only 3 left", "no longer available", or null when there is nothing to say. */
  warning: string | null;
}

export interface CartView {
  cartId: string;
  lines: CartLineView[];
  /** Units across all lines (the badge on the cart icon). */
  itemCount: number;
  /** Sum of the line totals the shop can still sell: lines "no longer available" are left out. */
  subtotalMinor: number;
  currency: string;
  /** When the cart expires unless it changes again; null for an empty cart. */
  expiresAt: Date | null;
}

function warningFor(quantity: number, available: number): string | null {
  if (available <= 0) return NO_LONGER_AVAILABLE;
  if (available < quantity || available <= LOW_STOCK_THRESHOLD) return `only ${String(available)} left`;
  return null;
}

function lineView({ productId, quantity }: CartLine, product: CatalogProduct | undefined): CartLineView {
  if (!product) {
    return {
      productId,
      quantity,
      name: null,
      slug: null,
      image: null,
      unitPriceMinor: null,
      lineTotalMinor: 0,
      available: 0,
      warning: NO_LONGER_AVAILABLE,
    };
  }
  return {
    productId,
    quantity,
    name: product.name,
    slug: product.slug,
    image: product.image,
    unitPriceMinor: product.priceMinor,
    lineTotalMinor: product.priceMinor * quantity,
    available: product.available,
    warning: warningFor(quantity, product.available),
  };
}

/** The shop sells in one currency; a cart takes it from its products, an empty one the default. */
export function currencyOf(products: Iterable<CatalogProduct>): string {
  for (const product of products) return product.currency;
  return DEFAULT_CURRENCY;
}

export function cartView(
  cartId: string,
  cart: StoredCart,
  products: ReadonlyMap<number, CatalogProduct>,
): CartView {
  const lines = cart.lines.map((line) => lineView(line, products.get(line.productId)));
  return {
    cartId,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalMinor: lines
      .filter((line) => line.warning !== NO_LONGER_AVAILABLE)
      .reduce((sum, line) => sum + line.lineTotalMinor, 0),
    currency: currencyOf(products.values()),
    expiresAt: cart.expiresAt,
  };
}
