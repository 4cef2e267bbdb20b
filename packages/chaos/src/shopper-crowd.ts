// A crowd of plain HTTP shoppers for the resilience and Black Friday runs: each shopper loops on
// its own (shop once, think, again) until the crowd is stopped, and every checkout is the one the
// storefront's form sends, paid with an approved test card. What a shopper does in a round, and
// what it writes down, is the caller's.

/** One shopper of the crowd: what it does each round. */
export interface Shopper {
  shopOnce(): Promise<void>;
}

export class ShopperCrowd {
  readonly #size: number;
  readonly #pauseMs: number;
  #running = false;
  #loops: Promise<void>[] = [];

  /**
   * `size` shoppers; `pauseMs` is the mean think time between rounds, jittered so the crowd does
   * not move in lockstep.
   */
  constructor(options: { size: number; pauseMs: number }) {
    this.#size = options.size;
    this.#pauseMs = options.pauseMs;
  }

  /** Starts the shoppers, each made by `newShopper` (one browser each: its cookies, its cart). */
  start(newShopper: () => Shopper): void {
    this.#running = true;
    this.#loops = Array.from({ length: this.#size }, () => this.#loop(newShopper()));
  }

  /** Lets every shopper finish the round it is in. */
  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#loops);
  }

  async #loop(shopper: Shopper): Promise<void> {
    while (this.#running) {
      await shopper.shopOnce();
      await new Promise((resolve) => setTimeout(resolve, this.#pauseMs * (0.5 + Math.random())));
    }
  }
}

const APPROVED_CARD = "4242424242424242";

/** checkout.placeOrder's input as the checkout form sends it: a US address, an approved card. */
export function checkoutInput(options: {
  idempotencyKey: string;
  email: string;
  firstName: string;
  lastName: string;
}) {
  return {
    idempotencyKey: options.idempotencyKey,
    customer: { email: options.email, firstName: options.firstName, lastName: options.lastName },
    shippingAddress: { line1: "1 Market Street", city: "San Francisco", postalCode: "94105", country: "US" },
    shippingMethod: "STANDARD",
    card: {
      number: APPROVED_CARD,
      expMonth: 12,
      expYear: new Date().getFullYear() + 2,
      cvc: "123",
      holderName: `${options.firstName} ${options.lastName}`,
    },
  };
}
