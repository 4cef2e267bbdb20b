// The card processor the shop charges through. Simulated: it answers after a realistic delay,
// and the test cards decide the answer; payment.degraded slows it down and makes it fail. The service depends on the interface only, so tests can
// count calls or hold an answer back, and a real processor could take its place.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { CardBrand, DeclineReason } from "@shop/db";
import { MAX_EXTRA_LATENCY_MS, processorDegradation } from "./processor-degradation.ts";
import type { ProcessorDegradation } from "./processor-degradation.ts";
import { drawLatencyMs, LATENCY_CAP_FACTOR } from "./processor-latency.ts";
import { testCardOutcome } from "./test-cards.ts";

export interface AuthorizationRequest {
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  card: { number: string; brand: CardBrand; expMonth: number; expYear: number; cvc: string };
}

export type Authorization =
  | { outcome: "APPROVED"; processorRef: string }
  | { outcome: "DECLINED"; reason: Exclude<DeclineReason, "PROCESSING_ERROR"> }
  | { outcome: "FAILED"; reason: "PROCESSING_ERROR" };

/**
 * The processor gave no answer (an outage, an overload): the charge failed and nothing was taken,
 * unlike a decline, which is the processor's answer about the card.
 */
export class ProcessorUnavailableError extends Error {
  override readonly name = "ProcessorUnavailableError";
}

export interface CardProcessor {
  /** Authorizes and captures the amount in one step; throws ProcessorUnavailableError without an answer. */
  authorize: (request: AuthorizationRequest) => Promise<Authorization>;
  /** The longest an answer can take: a charge's transaction must outlast it. */
  maxLatencyMs: number;
}

const REF_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A charge reference in the processor's format (`ch_` and 24 characters, as in the seed). */
export function newProcessorRef(): string {
  const bytes = randomBytes(24);
  return `ch_${Array.from(bytes, (byte) => REF_ALPHABET[byte % REF_ALPHABET.length] ?? "0").join("")}`;
}

export function createSimulatedProcessor({
  medianLatencyMs,
  random = Math.random,
  degradation = processorDegradation,
}: {
  medianLatencyMs: number;
  random?: () => number;
  /** How degraded it is now: payment.degraded, unless a unit test says. */
  degradation?: () => Promise<ProcessorDegradation>;
}): CardProcessor {
  return {
    maxLatencyMs: medianLatencyMs * LATENCY_CAP_FACTOR + MAX_EXTRA_LATENCY_MS,
    async authorize({ card }) {
      const { extraLatencyMs, errorRate } = await degradation();
      const latencyMs = drawLatencyMs(medianLatencyMs, random) + extraLatencyMs;
      if (latencyMs > 0) await sleep(latencyMs);
      // A degraded processor fails after keeping the caller waiting, as a timed-out one would.
      if (errorRate > 0 && random() < errorRate) {
        throw new ProcessorUnavailableError("the card processor is unavailable");
      }
      return testCardOutcome(card.number) ?? { outcome: "APPROVED", processorRef: newProcessorRef() };
    },
  };
}
