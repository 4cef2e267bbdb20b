// Charge inputs for tests: a valid charge by default, with each test changing only what it is
// about, and idempotency keys of the test's own so runs and tests never share a payment.
import { randomUUID } from "node:crypto";

export const TEST_NOW = new Date("2026-11-26T12:00:00Z");

export function paymentKey(label: string): string {
  return `${label}-${randomUUID()}`;
}

export interface CardFields {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holderName: string;
}

export function card(number: string, overrides: Partial<CardFields> = {}): CardFields {
  // American Express prints four digits; every other brand three.
  const cvc = /^3[47]/.test(number.replace(/\D/g, "")) ? "4321" : "987";
  return { number, expMonth: 12, expYear: 2030, cvc, holderName: "Ada Lovelace", ...overrides };
}

export function chargeOf(
  number: string,
  overrides: {
    idempotencyKey?: string;
    amountMinor?: number;
    currency?: string;
    card?: Partial<CardFields>;
  } = {},
) {
  return {
    idempotencyKey: overrides.idempotencyKey ?? paymentKey("charge"),
    amountMinor: overrides.amountMinor ?? 4_999,
    currency: overrides.currency ?? "USD",
    card: card(number, overrides.card),
  };
}
