// The simulated processor under a test's control: it tallies the authorizations asked for (how a
// test proves a retried charge never reached the processor again), can hold a key's answer back
// until the test lets it go (so concurrent calls are certain to overlap), and can fail once.
import { createSimulatedProcessor } from "../src/card-processor.ts";
import type { AuthorizationRequest, CardProcessor } from "../src/card-processor.ts";

export function observedProcessor(medianLatencyMs = 0) {
  const simulated = createSimulatedProcessor({ medianLatencyMs });
  const calls: string[] = [];
  const held = new Map<string, Promise<undefined>>();
  const failing = new Set<string>();

  const processor: CardProcessor = {
    maxLatencyMs: simulated.maxLatencyMs,
    async authorize(request: AuthorizationRequest) {
      calls.push(request.idempotencyKey);
      await held.get(request.idempotencyKey);
      if (failing.delete(request.idempotencyKey)) throw new Error("the processor's connection was reset");
      return simulated.authorize(request);
    },
  };

  return {
    processor,
    /** Authorizations asked for with this key. */
    callsFor: (idempotencyKey: string) => calls.filter((key) => key === idempotencyKey).length,
    /** Holds this key's answers until the returned function is called. */
    hold(idempotencyKey: string): () => void {
      const { promise, resolve } = Promise.withResolvers<undefined>();
      held.set(idempotencyKey, promise);
      return () => {
        resolve(undefined);
      };
    },
    /** The next authorization of this key throws, as a dropped connection would. */
    failOnce(idempotencyKey: string) {
      failing.add(idempotencyKey);
    },
  };
}
