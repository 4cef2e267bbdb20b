// The timeline's arithmetic, free of Redis and clocks: where a scenario is at a moment, which
// flags and what traffic it wants then, and whether a scenario is well formed at all.
import { FLAG_DEFINITIONS, isFlagKey } from "@shop/flags";
import type { FlagParams } from "@shop/flags";
import type { DesiredFlags, Scenario, ScenarioStep, StepTraffic } from "./scenario-types.ts";

/** Seconds of the 1x timeline elapsed at `now` (never negative: a clock stepping back is the start). */
export function elapsedSeconds(startedAt: number, timeScale: number, now: number): number {
  return Math.max(0, ((now - startedAt) / 1000) * timeScale);
}

/** The step in force `elapsed` seconds in (the first one before it starts). */
export function stepIndexAt(scenario: Scenario, elapsed: number): number {
  let index = 0;
  for (const [i, step] of scenario.steps.entries()) if (step.atSeconds <= elapsed) index = i;
  return index;
}

/** When a step ends: the next one's start, or the scenario's end. */
function stepEnd(scenario: Scenario, index: number): number {
  return scenario.steps[index + 1]?.atSeconds ?? scenario.durationSeconds;
}

/** The rate a step ends at (a ramp reaches its target by its end); 0 without traffic. */
function endRate(traffic: StepTraffic | undefined): number {
  if (!traffic) return 0;
  return "rampTo" in traffic ? traffic.rampTo : traffic.perMinute;
}

/** The bots' target `elapsed` seconds in; undefined when the step leaves the fleet to its own shape. */
export function trafficAt(scenario: Scenario, elapsed: number): FlagParams<"bots.traffic"> | undefined {
  const index = stepIndexAt(scenario, elapsed);
  const step = scenario.steps[index];
  const traffic = step?.traffic;
  if (!step || !traffic) return undefined;
  let perMinute: number;
  if ("rampTo" in traffic) {
    const from = endRate(scenario.steps[index - 1]?.traffic);
    const span = stepEnd(scenario, index) - step.atSeconds;
    const fraction = Math.min(1, Math.max(0, (elapsed - step.atSeconds) / span));
    perMinute = from + (traffic.rampTo - from) * fraction;
  } else {
    perMinute = traffic.perMinute;
  }
  return {
    perMinute: Math.round(perMinute),
    ...(traffic.hotProducts ? { hotProducts: traffic.hotProducts } : {}),
    ...(traffic.hotShare === undefined ? {} : { hotShare: traffic.hotShare }),
  };
}

/** Every flag the scenario wants on `elapsed` seconds in; the rest are off. */
export function flagsAt(scenario: Scenario, elapsed: number): DesiredFlags {
  const step = scenario.steps[stepIndexAt(scenario, elapsed)];
  const traffic = trafficAt(scenario, elapsed);
  return { ...(step?.flags ?? {}), ...(traffic ? { "bots.traffic": traffic } : {}) };
}

function stepProblems(scenario: Scenario, step: ScenarioStep, index: number): string[] {
  const where = `${scenario.name} step ${String(index)} (at ${String(step.atSeconds)} s)`;
  const problems: string[] = [];
  const previous = scenario.steps[index - 1];
  if (index === 0 && step.atSeconds !== 0) problems.push(`${where}: the first step must start at 0`);
  if (previous && step.atSeconds <= previous.atSeconds)
    problems.push(`${where}: steps must be in time order`);
  if (step.atSeconds >= scenario.durationSeconds) problems.push(`${where}: starts after the scenario ends`);
  if (!step.narrative.trim() || !step.look.trim()) problems.push(`${where}: needs a narrative and a look`);
  for (const [key, value] of Object.entries(step.flags)) {
    if (!isFlagKey(key) || key === "bots.traffic") {
      problems.push(`${where}: ${key} is not a failure flag (traffic goes in "traffic")`);
      continue;
    }
    const parsed = FLAG_DEFINITIONS[key].schema.safeParse(value);
    if (!parsed.success)
      problems.push(`${where}: ${key}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  const { traffic } = step;
  if (traffic) {
    const candidate = { ...traffic, perMinute: endRate(traffic) };
    delete (candidate as { rampTo?: number }).rampTo;
    const parsed = FLAG_DEFINITIONS["bots.traffic"].schema.safeParse(candidate);
    if (!parsed.success)
      problems.push(`${where}: traffic: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    if ("rampTo" in traffic && !previous?.traffic)
      problems.push(`${where}: a ramp needs a rate to start from`);
  }
  return problems;
}

/** What is wrong with a scenario, as readable lines; empty when it is fine. */
export function scenarioProblems(scenario: Scenario): string[] {
  const problems = scenario.steps.flatMap((step, index) => stepProblems(scenario, step, index));
  if (scenario.steps.length === 0) problems.push(`${scenario.name}: has no steps`);
  const last = scenario.steps.at(-1);
  if (last && Object.keys(last.flags).length > 0)
    problems.push(`${scenario.name}: the last step must turn every flag off`);
  if (last?.traffic?.hotProducts)
    problems.push(`${scenario.name}: the last step must not crowd hot products`);
  return problems;
}
