import { describe, expect, it } from "vitest";
import { JOURNEYS } from "./journeys/journey-names.ts";
import { DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS, effectiveJourneyMix } from "./personas.ts";
import { SessionPlanner } from "./session-planner.ts";

describe("the session planner", () => {
  it("keeps every journey within one session of its share, from the first sessions on", () => {
    const planner = new SessionPlanner(DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS, Math.random);
    const mix = effectiveJourneyMix(DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS);
    const counts = Object.fromEntries(JOURNEYS.map((journey) => [journey, 0]));
    for (let n = 1; n <= 200; n++) {
      const { journey } = planner.next();
      counts[journey] = (counts[journey] ?? 0) + 1;
      for (const name of JOURNEYS)
        expect(Math.abs((counts[name] ?? 0) - mix[name] * n), `${name} after ${String(n)}`).toBeLessThan(
          1.01,
        );
    }
  });

  it("gives each journey to the personas that lean to it, in proportion", () => {
    const planner = new SessionPlanner(
      DEFAULT_JOURNEY_WEIGHTS,
      { decisive_buyer: 1, window_shopper: 1 },
      Math.random,
    );
    const byJourney: Record<string, Record<string, number>> = {};
    for (let n = 0; n < 4000; n++) {
      const { journey, persona } = planner.next();
      const row = (byJourney[journey] ??= {});
      row[persona.name] = (row[persona.name] ?? 0) + 1;
    }
    // Decisive buyers buy; window shoppers browse.
    const purchase = byJourney.purchase ?? {};
    const browse = byJourney.browse ?? {};
    expect(purchase.decisive_buyer ?? 0).toBeGreaterThan((purchase.window_shopper ?? 0) * 2);
    expect(browse.window_shopper ?? 0).toBeGreaterThan((browse.decisive_buyer ?? 0) * 2);
  });
});
