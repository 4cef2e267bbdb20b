// The cart's rules: what a shopper may put in a cart, and what each refusal means. Redis access
// lives in the store (whose scripts enforce the limits atomically); this decides which products
// exist and how many can be sold (asking the catalog), and turns a refusal into a domain error:
// a limit or an out-of-stock is a business outcome that telemetry records as such, not a failure.
import { DomainError } from "@shop/service-kit";
import { ATTR, logger, recordOutcome } from "@shop/telemetry";
import { recordClaimedCart } from "./abandoned-carts.ts";
import { MAX_LINES_PER_CART, MAX_QUANTITY_PER_LINE } from "./cart-limits.ts";
import type { CartStore, LineChange, StoredCart } from "./cart-store.ts";
import { cartView } from "./cart-view.ts";
import type { CartView } from "./cart-view.ts";
import type { ProductCatalog } from "./product-catalog.ts";

export interface CartServiceDeps {
  store: CartStore;
  catalog: ProductCatalog;
  now: () => Date;
}

export interface LineInput {
  cartId: string;
  productId: number;
  quantity: number;
}

const EMPTY: StoredCart = { lines: [], expiresAt: null };

function plural(count: number, word: string) {
  return count === 1 ? word : `${word}s`;
}

export function createCartService({ store, catalog, now }: CartServiceDeps) {
  async function view(cartId: string, cart: StoredCart): Promise<CartView> {
    const products =
      cart.lines.length === 0
        ? new Map()
        : await catalog.productsByIds(cart.lines.map((line) => line.productId));
    return cartView(cartId, cart, products);
  }

  async function availableUnits(productId: number): Promise<number> {
    const product = (await catalog.productsByIds([productId])).get(productId);
    if (!product) {
      throw new DomainError("NOT_FOUND", `No product ${String(productId)} for sale`, {
        details: { productId },
      });
    }
    return product.available;
  }

  async function changeLine(cartId: string, change: Omit<LineChange, "available">): Promise<CartView> {
    const { productId } = change;
    // Lowering a line to 0 needs no stock, and works for a product the catalog has dropped.
    const available = change.mode === "set" && change.quantity === 0 ? 0 : await availableUnits(productId);
    const result = await store.changeLine(cartId, { ...change, available }, now());
    await recordClaimedCart(cartId, result.abandoned, catalog);
    /** The quantity the line would have had. */
    const wanted = (inCart: number) => (change.mode === "add" ? inCart + change.quantity : change.quantity);
    switch (result.kind) {
      case "changed":
        return view(cartId, result.cart);
      case "quantity-limit":
        throw new DomainError(
          "QUANTITY_LIMIT",
          `At most ${String(MAX_QUANTITY_PER_LINE)} units of a product per cart`,
          {
            details: {
              limit: "QUANTITY_PER_LINE",
              max: MAX_QUANTITY_PER_LINE,
              productId,
              inCart: result.inCart,
              requested: wanted(result.inCart),
            },
          },
        );
      case "line-limit":
        throw new DomainError(
          "QUANTITY_LIMIT",
          `At most ${String(MAX_LINES_PER_CART)} different products per cart`,
          { details: { limit: "LINES_PER_CART", max: MAX_LINES_PER_CART, productId, lines: result.lines } },
        );
      case "out-of-stock": {
        const requested = wanted(result.inCart);
        // A sold-out product is the shop working as intended: info, not an error.
        logger.info(
          { cartId, [ATTR.PRODUCT_ID]: productId, requested, available },
          `cart refused: product ${String(productId)} has ${String(available)} of ${String(requested)} units`,
        );
        recordOutcome("out_of_stock", { [ATTR.PRODUCT_ID]: productId });
        throw new DomainError(
          "OUT_OF_STOCK",
          `Only ${String(available)} ${plural(available, "unit")} of product ${String(productId)} left`,
          { details: { productId, available, inCart: result.inCart, requested } },
        );
      }
    }
  }

  return {
    async view(cartId: string): Promise<CartView> {
      return view(cartId, await store.read(cartId, now()));
    },

    add({ cartId, productId, quantity }: LineInput): Promise<CartView> {
      return changeLine(cartId, { mode: "add", productId, quantity });
    },

    /** 0 removes the line. */
    setQuantity({ cartId, productId, quantity }: LineInput): Promise<CartView> {
      return changeLine(cartId, { mode: "set", productId, quantity });
    },

    remove(cartId: string, productId: number): Promise<CartView> {
      return changeLine(cartId, { mode: "set", productId, quantity: 0 });
    },

    async clear(cartId: string): Promise<CartView> {
      const abandoned = await store.clear(cartId, now());
      await recordClaimedCart(cartId, abandoned, catalog);
      return cartView(cartId, EMPTY, new Map());
    },

    /** The cart became an order: gone, and never counted as abandoned. */
    async checkedOut(cartId: string): Promise<CartView> {
      await store.delete(cartId);
      return cartView(cartId, EMPTY, new Map());
    },
  };
}

export type CartService = ReturnType<typeof createCartService>;
