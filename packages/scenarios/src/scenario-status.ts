// What the console and the CLI show: the stored run, read against the timeline and the clock.
import type { FlagState } from "@shop/flags";
import type { ScenarioRecord } from "./scenario-record.ts";
import type { ScenarioStatus } from "./scenario-types.ts";
import { SCENARIOS } from "./scenarios.ts";
import { elapsedSeconds, stepIndexAt } from "./timeline.ts";

export function describeStatus(
  record: ScenarioRecord | undefined,
  flags: FlagState[],
  now: number,
): ScenarioStatus {
  const trafficFlag = flags.find((state) => state.key === "bots.traffic");
  const traffic =
    trafficFlag?.key === "bots.traffic"
      ? { perMinute: (trafficFlag as FlagState<"bots.traffic">).value.perMinute }
      : undefined;
  if (!record) return { state: "idle", flags, ...(traffic ? { traffic } : {}) };
  const scenario = SCENARIOS[record.name];
  // A finished run is shown where it ended, not where the clock would have it now.
  const elapsed = Math.min(
    scenario.durationSeconds,
    elapsedSeconds(record.startedAt, record.timeScale, record.endedAt ?? now),
  );
  const stepIndex = record.state === "running" ? stepIndexAt(scenario, elapsed) : (record.stepIndex ?? 0);
  const step = scenario.steps[stepIndex];
  return {
    state: record.state,
    name: record.name,
    title: scenario.title,
    startedAt: record.startedAt,
    startedBy: record.startedBy,
    timeScale: record.timeScale,
    elapsedSeconds: Math.round(elapsed),
    durationSeconds: scenario.durationSeconds,
    progress: record.state === "completed" ? 1 : elapsed / scenario.durationSeconds,
    stepIndex,
    ...(step ? { narrative: step.narrative, look: step.look } : {}),
    steps: scenario.steps.map((s) => ({ atSeconds: s.atSeconds, narrative: s.narrative })),
    ...(record.endedAt === undefined ? {} : { endedAt: record.endedAt }),
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    ...(record.conductor === undefined ? {} : { conductor: record.conductor }),
    flags,
    ...(traffic ? { traffic } : {}),
  };
}
