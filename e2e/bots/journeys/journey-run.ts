// What a journey gets from the fleet: the shopper (page objects), who it is, and `step`, which
// makes one user action of it: think, wait for the fleet's pace, maybe walk away, act, record.
import type { CheckoutDetails, Shopper } from "../../src/pages/shopper.ts";
import type { Persona } from "../personas.ts";

export type JourneyOutcome = "completed" | "abandoned";

export interface KnownOrder {
  number: string;
  email: string;
}

export interface JourneyRun {
  shopper: Shopper;
  persona: Persona;
  random: () => number;
  /** One user action; throws Abandoned when the shopper leaves instead. */
  step<T>(name: string, action: () => Promise<T>): Promise<T>;
  /** A landing URL for the path, sometimes from a marketing campaign (utm_* parameters). */
  landingPath(path: string): string;
  /** A made-up shopper to check out as: name, address, a card that works. */
  checkoutDetails(): CheckoutDetails;
  /** Orders this fleet placed (returning customers look them up). */
  knownOrders(): readonly KnownOrder[];
  /** Reports a placed order (the fleet ties it to the trace that placed it). */
  orderPlaced(order: KnownOrder): void;
}

/** The shopper walked away: a normal ending, not a failure. */
export class Abandoned extends Error {
  override name = "Abandoned";
}

/** The shop answered a page with a server error. */
export class ShopError extends Error {
  override name = "ShopError";
  readonly kind: string;

  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
  }
}

export type Journey = (run: JourneyRun) => Promise<JourneyOutcome>;
