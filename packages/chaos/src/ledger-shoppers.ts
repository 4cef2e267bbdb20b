// Shoppers that keep a ledger: every order the storefront acknowledged (its number and the
// attempt's idempotency key) and every request's outcome with its time. The invariants are
// checked against the ledger afterwards: an acknowledged order must exist exactly once, whatever
// was killed meanwhile. A failed checkout is retried with the same attempt key, as the checkout
// page does when the shopper presses "Place order" again, which is what could duplicate an order
// if idempotency were broken.
import { checkoutInput, ShopperCrowd } from "./shopper-crowd.ts";
import { StorefrontClient, newAttemptKey } from "./storefront-client.ts";
import type { CallResult } from "./storefront-client.ts";

export interface RequestRecord {
  at: number;
  step: "list" | "add" | "checkout";
  ok: boolean;
  status: number;
  code?: string;
  retryAfter?: string;
  /** A checkout: the request that goes through every service of the purchase. */
  endToEnd: boolean;
}

export interface AcknowledgedOrder {
  orderNumber: string;
  idempotencyKey: string;
  email: string;
}

interface ListedProduct {
  id: number;
  available: number;
}

// A person retries for a while (a service restarting takes a few seconds), then gives up.
const CHECKOUT_RETRIES = 4;

export class LedgerShoppers {
  readonly requests: RequestRecord[] = [];
  readonly acknowledged: AcknowledgedOrder[] = [];
  /** Attempts whose outcome the shopper never learned (every try failed): they may or may not exist. */
  readonly unknownOutcomes: string[] = [];
  readonly #baseUrl: string;
  readonly #crowd: ShopperCrowd;
  #sequence = 0;

  constructor(baseUrl: string, options: { concurrency: number; pauseMs?: number }) {
    this.#baseUrl = baseUrl;
    this.#crowd = new ShopperCrowd({ size: options.concurrency, pauseMs: options.pauseMs ?? 500 });
  }

  start() {
    this.#crowd.start(() => ({ shopOnce: () => this.#shopOnce() }));
  }

  stop() {
    return this.#crowd.stop();
  }

  #record<T>(step: RequestRecord["step"], result: CallResult<T>): CallResult<T> {
    this.requests.push({
      at: Date.now(),
      step,
      endToEnd: step === "checkout",
      ok: result.ok,
      status: result.status,
      ...(result.code ? { code: result.code } : {}),
      ...(result.retryAfter ? { retryAfter: result.retryAfter } : {}),
    });
    return result;
  }

  async #shopOnce() {
    const client = new StorefrontClient(this.#baseUrl);
    const listed = this.#record(
      "list",
      await client.query<{ items: ListedProduct[] }>("catalog.list", {
        sort: "popular",
        inStock: true,
        limit: 24,
      }),
    );
    const products = listed.data?.items.filter((product) => product.available > 0) ?? [];
    const product = products[Math.floor(Math.random() * products.length)];
    if (!product) return;
    const added = this.#record(
      "add",
      await client.mutate("cart.add", { productId: product.id, quantity: 1 }),
    );
    if (!added.ok) return;

    const n = ++this.#sequence;
    const email = `chaos.shopper.${String(n)}@example.com`;
    const idempotencyKey = newAttemptKey();
    const input = checkoutInput({
      idempotencyKey,
      email,
      firstName: "Chaos",
      lastName: `Shopper ${String(n)}`,
    });
    for (let attempt = 0; attempt <= CHECKOUT_RETRIES; attempt++) {
      const placed = this.#record(
        "checkout",
        await client.mutate<{ status: string; orderNumber?: string }>("checkout.placeOrder", input),
      );
      if (placed.ok) {
        if (placed.data?.status === "PLACED" && placed.data.orderNumber) {
          this.acknowledged.push({ orderNumber: placed.data.orderNumber, idempotencyKey, email });
        }
        return;
      }
      // A 4xx is an answer (the cart was emptied by the first try, out of stock): nothing to retry.
      if (placed.status >= 400 && placed.status < 500) return;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * (attempt + 1)));
    }
    this.unknownOutcomes.push(idempotencyKey);
  }
}
