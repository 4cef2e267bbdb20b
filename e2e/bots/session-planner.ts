// Which journey (and persona) the next session takes. Drawing at random would need hundreds of
// sessions before the mix looked like the configuration; a two-minute demo has a dozen. So the
// journey is chosen by smooth weighted round robin (each journey earns its share every session,
// the one furthest ahead goes and pays the total back): after n sessions every journey's count is
// within one of its share of n, from the first minute. The persona is then drawn at random in
// proportion to how much each persona leans to that journey, which keeps both mixes honest.
import type { JourneyName } from "./journeys/journey-names.ts";
import { JOURNEYS } from "./journeys/journey-names.ts";
import type { JourneyWeights, Persona } from "./personas.ts";
import { PERSONAS, effectiveJourneyMix, personaJourneyMix, pickWeighted } from "./personas.ts";

export class SessionPlanner {
  readonly #mix: Record<JourneyName, number>;
  readonly #current: Record<JourneyName, number>;
  readonly #personaWeights: Record<string, number>;
  readonly #journeyWeights: JourneyWeights;
  readonly #random: () => number;

  constructor(journeyWeights: JourneyWeights, personaWeights: Record<string, number>, random: () => number) {
    this.#journeyWeights = journeyWeights;
    this.#personaWeights = personaWeights;
    this.#random = random;
    this.#mix = effectiveJourneyMix(journeyWeights, personaWeights);
    // A random start, so two fleets do not march in step.
    this.#current = Object.fromEntries(
      JOURNEYS.map((journey) => [journey, random() * this.#mix[journey]]),
    ) as Record<JourneyName, number>;
  }

  /** The mix the fleet's sessions follow (shares summing to 1). */
  get mix(): Record<JourneyName, number> {
    return this.#mix;
  }

  next(): { journey: JourneyName; persona: Persona } {
    let chosen: JourneyName = JOURNEYS[0];
    for (const journey of JOURNEYS) {
      this.#current[journey] += this.#mix[journey];
      if (this.#current[journey] > this.#current[chosen]) chosen = journey;
    }
    this.#current[chosen] -= 1;
    const candidates = PERSONAS.filter((persona) => (this.#personaWeights[persona.name] ?? 0) > 0);
    const leaning = Object.fromEntries(
      candidates.map((persona) => [
        persona.name,
        (this.#personaWeights[persona.name] ?? 0) * personaJourneyMix(persona, this.#journeyWeights)[chosen],
      ]),
    );
    const name = pickWeighted(leaning, this.#random);
    const persona = candidates.find((candidate) => candidate.name === name) ?? candidates[0];
    if (!persona) throw new Error("no persona has a weight");
    return { journey: chosen, persona };
  }
}
