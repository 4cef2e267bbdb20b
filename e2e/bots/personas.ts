// Who the bots pretend to be. Each persona has its own device, pace (think time, typing speed),
// patience (how often it walks away mid-journey) and taste in journeys: a window shopper mostly
// browses, a decisive buyer mostly buys. The fleet's journey mix is the configured weights shaped
// by each persona's leanings (see effectiveJourneyMix).
import type { JourneyName } from "./journeys/journey-names.ts";
import { JOURNEYS } from "./journeys/journey-names.ts";

export interface Persona {
  name: string;
  device: "desktop" | "mobile";
  /** Median and spread of the pause before each action (log-normal: mostly short, sometimes long). */
  thinkMedianMs: number;
  thinkSigma: number;
  typingDelayMs: number;
  /** Chance of leaving at any step (a phone call, a better offer elsewhere). */
  abandonPerStep: number;
  /** Chance of paying with a card that gets declined (then retrying with another, or giving up). */
  declinedCardRate: number;
  /** Multiplies the fleet's journey weights. */
  leanings: Partial<Record<JourneyName, number>>;
  /** Sorts listings by price and searches more. */
  priceSensitive: boolean;
}

export const PERSONAS: readonly Persona[] = [
  {
    name: "window_shopper",
    device: "desktop",
    thinkMedianMs: 4_000,
    thinkSigma: 0.7,
    typingDelayMs: 90,
    abandonPerStep: 0.04,
    declinedCardRate: 0.04,
    leanings: { browse: 2, add_to_cart_leave: 1.3, purchase: 0.5, search_purchase: 0.5 },
    priceSensitive: false,
  },
  {
    name: "bargain_hunter",
    device: "desktop",
    thinkMedianMs: 3_000,
    thinkSigma: 0.6,
    typingDelayMs: 70,
    abandonPerStep: 0.05,
    declinedCardRate: 0.06,
    leanings: { search_purchase: 1.6, checkout_abandoned: 1.4 },
    priceSensitive: true,
  },
  {
    name: "decisive_buyer",
    device: "desktop",
    thinkMedianMs: 1_800,
    thinkSigma: 0.5,
    typingDelayMs: 45,
    abandonPerStep: 0.015,
    declinedCardRate: 0.03,
    leanings: { purchase: 2, search_purchase: 1.5, browse: 0.5 },
    priceSensitive: false,
  },
  {
    name: "mobile_shopper",
    device: "mobile",
    thinkMedianMs: 3_500,
    thinkSigma: 0.8,
    typingDelayMs: 110,
    abandonPerStep: 0.06,
    declinedCardRate: 0.05,
    leanings: { browse: 1.3, checkout_abandoned: 1.3, order_lookup: 1.2 },
    priceSensitive: false,
  },
];

export type JourneyWeights = Record<JourneyName, number>;

export const DEFAULT_JOURNEY_WEIGHTS: JourneyWeights = {
  browse: 30,
  add_to_cart_leave: 15,
  purchase: 20,
  checkout_abandoned: 10,
  search_purchase: 15,
  order_lookup: 10,
};

export const DEFAULT_PERSONA_WEIGHTS: Record<string, number> = {
  window_shopper: 30,
  bargain_hunter: 25,
  decisive_buyer: 25,
  mobile_shopper: 20,
};

/** A persona's journey mix: the fleet's weights times its leanings, as shares summing to 1. */
export function personaJourneyMix(persona: Persona, weights: JourneyWeights): Record<JourneyName, number> {
  const raw = JOURNEYS.map((journey) => weights[journey] * (persona.leanings[journey] ?? 1));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(
    JOURNEYS.map((journey, index) => [journey, total > 0 ? (raw[index] ?? 0) / total : 0]),
  ) as Record<JourneyName, number>;
}

/** The mix of journeys the fleet should show over many sessions: what the stats are compared to. */
export function effectiveJourneyMix(
  weights: JourneyWeights,
  personaWeights: Record<string, number> = DEFAULT_PERSONA_WEIGHTS,
): Record<JourneyName, number> {
  const personas = PERSONAS.filter((persona) => (personaWeights[persona.name] ?? 0) > 0);
  const total = personas.reduce((sum, persona) => sum + (personaWeights[persona.name] ?? 0), 0);
  const mix = Object.fromEntries(JOURNEYS.map((journey) => [journey, 0])) as Record<JourneyName, number>;
  for (const persona of personas) {
    const share = (personaWeights[persona.name] ?? 0) / total;
    const own = personaJourneyMix(persona, weights);
    for (const journey of JOURNEYS) mix[journey] += share * own[journey];
  }
  return mix;
}

/** Picks by weight; `random` returns [0, 1). */
export function pickWeighted<T extends string>(weights: Record<T, number>, random: () => number): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
  let point = random() * total;
  for (const [key, weight] of entries) {
    point -= Math.max(0, weight);
    if (point < 0) return key;
  }
  const last = entries.at(-1);
  if (!last) throw new Error("nothing to pick from");
  return last[0];
}

/** A log-normal pause around the persona's median, capped so nobody stares for minutes. */
export function thinkTimeMs(persona: Persona, random: () => number, scale = 1): number {
  // Box-Muller: a standard normal from two uniforms.
  const u = Math.max(random(), Number.EPSILON);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(persona.thinkMedianMs * Math.exp(persona.thinkSigma * normal), 30_000) * scale;
}
