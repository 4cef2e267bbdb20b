// Plain HTTP shoppers for the Black Friday acceptance test: a steady crowd that browses the catalog
// with ever-different filters and buys one item each round, through the storefront's public API
// like a browser (the chaos suite's StorefrontClient). The filters matter: the catalog caches a
// listing for 30 s, so shoppers who all asked for the same page would hide the missing index
// behind the cache; budgets and sort orders of their own send listings to PostgreSQL a few times
// a second, as real shoppers' varied searches do.
import { checkoutInput, ShopperCrowd } from "@shop/chaos/shopper-crowd";
import { StorefrontClient, newAttemptKey } from "@shop/chaos/storefront-client";

const SORTS = ["popular", "price_asc", "price_desc", "newest", "rating"] as const;
const BUDGETS = 8;

export interface CheckoutRecord {
  at: number;
  ok: boolean;
  status: number;
  code?: string;
}

interface ListedProduct {
  id: number;
  available: number;
}

export class BlackFridayShoppers {
  /** Every checkout's answer, as the shopper saw it (the sink holds the shop's own view). */
  readonly checkouts: CheckoutRecord[] = [];
  readonly #baseUrl: string;
  readonly #crowd: ShopperCrowd;
  #sequence = 0;
  /** The products of the last listing anyone saw: what a shopper buys when the catalog is busy. */
  #known: ListedProduct[] = [];

  constructor(baseUrl: string, options: { concurrency: number; pauseMs: number }) {
    this.#baseUrl = baseUrl;
    this.#crowd = new ShopperCrowd({ size: options.concurrency, pauseMs: options.pauseMs });
  }

  start() {
    this.#crowd.start(() => {
      // One shopper, one browser: the cart (a cookie) outlives a failed checkout, so a shopper whose
      // checkout failed tries again next round even while the catalog is too busy to add more.
      const shopper = {
        client: new StorefrontClient(this.#baseUrl, { timeoutMs: 20_000 }),
        cartFilled: false,
      };
      return { shopOnce: () => this.#shopOnce(shopper) };
    });
  }

  stop() {
    return this.#crowd.stop();
  }

  async #shopOnce(shopper: { client: StorefrontClient; cartFilled: boolean }) {
    const { client } = shopper;
    const n = ++this.#sequence;
    const listed = await client.query<{ items: ListedProduct[] }>("catalog.list", {
      sort: SORTS[n % SORTS.length],
      inStock: true,
      // A budget of their own: one of a few dozen listings, each cached for 30 s, so the catalog
      // reads PostgreSQL a few times a second rather than on every page.
      maxPriceMinor: 5_000 * (1 + Math.floor(Math.random() * BUDGETS)),
      limit: 24,
    });
    const products = listed.data?.items.filter((product) => product.available > 0) ?? [];
    if (products.length > 0) this.#known = products;
    const product = this.#known[Math.floor(Math.random() * this.#known.length)];
    if (product && (await client.mutate("cart.add", { productId: product.id, quantity: 1 })).ok)
      shopper.cartFilled = true;
    if (!shopper.cartFilled) return;
    const placed = await client.mutate<{ status: string }>(
      "checkout.placeOrder",
      checkoutInput({
        idempotencyKey: newAttemptKey(),
        email: `black.friday.${String(n)}@example.com`,
        firstName: "Black",
        lastName: "Friday",
      }),
    );
    // Placed, or an answer about the cart (4xx): either way it is not waiting to be bought again.
    if (placed.ok || (placed.status >= 400 && placed.status < 500)) shopper.cartFilled = false;
    this.checkouts.push({
      at: Date.now(),
      ok: placed.ok,
      status: placed.status,
      ...(placed.code ? { code: placed.code } : {}),
    });
  }
}
