import { describe, expect, it } from "vitest";
import { createSimulatedProcessor, ProcessorUnavailableError } from "./card-processor.ts";
import type { AuthorizationRequest } from "./card-processor.ts";
import type { ProcessorDegradation } from "./processor-degradation.ts";
import { LATENCY_CAP_FACTOR } from "./processor-latency.ts";

/** A reproducible uniform source (mulberry32), so the shares below never flake. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const request = (number: string): AuthorizationRequest => ({
  idempotencyKey: "unit-test-charge",
  amountMinor: 4_999,
  currency: "USD",
  card: { number, brand: "VISA", expMonth: 12, expYear: 2030, cvc: "123" },
});

function degradedProcessor(degradation: ProcessorDegradation, seed = 7) {
  return createSimulatedProcessor({
    medianLatencyMs: 0,
    random: seeded(seed),
    degradation: () => Promise.resolve(degradation),
  });
}

/** How many of `count` authorizations the processor fails to answer. */
async function unanswered(processor: ReturnType<typeof degradedProcessor>, count: number) {
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => processor.authorize(request("4242424242424242"))),
  );
  return results.filter(
    (result) => result.status === "rejected" && result.reason instanceof ProcessorUnavailableError,
  ).length;
}

describe("the simulated processor, degraded", () => {
  it("fails about errorRate of its charges with ProcessorUnavailableError, never a decline", async () => {
    const failed = await unanswered(degradedProcessor({ extraLatencyMs: 0, errorRate: 0.3 }), 2_000);
    expect(failed).toBeGreaterThan(520);
    expect(failed).toBeLessThan(680);
    expect(await unanswered(degradedProcessor({ extraLatencyMs: 0, errorRate: 1 }), 200)).toBe(200);
  });

  it("answers every charge when errorRate is 0, test cards as usual", async () => {
    const processor = degradedProcessor({ extraLatencyMs: 0, errorRate: 0 });
    expect(await unanswered(processor, 500)).toBe(0);
    expect(await processor.authorize(request("4000000000000002"))).toEqual({
      outcome: "DECLINED",
      reason: "INSUFFICIENT_FUNDS",
    });
  });

  it("allows for the flag's largest extra latency in its slowest answer", () => {
    const processor = createSimulatedProcessor({ medianLatencyMs: 120 });
    // 3 s at most (the flag's schema): the slowest answer still fits checkout's 5 s payment timeout.
    expect(processor.maxLatencyMs).toBe(120 * LATENCY_CAP_FACTOR + 3_000);
    expect(processor.maxLatencyMs).toBeLessThan(5_000);
  });
});
