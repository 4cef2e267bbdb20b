// The simulated processor's published test cards: each number always gets the same answer, so a
// bot, a demo or a test can ask for a decline. Every other valid number is approved.
import type { DeclineReason } from "@shop/db";

export type TestCardOutcome =
  | { outcome: "DECLINED"; reason: Exclude<DeclineReason, "PROCESSING_ERROR"> }
  | { outcome: "FAILED"; reason: "PROCESSING_ERROR" };

export const APPROVED_TEST_CARDS = [
  "4242424242424242",
  "5555555555554444",
  "378282246310005",
  "6011111111111117",
] as const;

export const REFUSED_TEST_CARDS: Readonly<Record<string, TestCardOutcome>> = {
  "4000000000000002": { outcome: "DECLINED", reason: "INSUFFICIENT_FUNDS" },
  "4000000000009995": { outcome: "DECLINED", reason: "INSUFFICIENT_FUNDS" },
  "4000000000009979": { outcome: "DECLINED", reason: "CARD_STOLEN" },
  "4000000000000069": { outcome: "DECLINED", reason: "EXPIRED_CARD" },
  "4000000000000127": { outcome: "DECLINED", reason: "INCORRECT_CVC" },
  "4000000000000119": { outcome: "FAILED", reason: "PROCESSING_ERROR" },
};

/** What the processor answers for these digits, or undefined when it approves them. */
export function testCardOutcome(digits: string): TestCardOutcome | undefined {
  return REFUSED_TEST_CARDS[digits];
}
