// What a scenario is: a timeline of steps, each saying which failure flags are on, what traffic
// the bots aim for, and what the presenter should say and open while it lasts.
import type { FlagKey, FlagParams, FlagState } from "@shop/flags";

export const SCENARIO_NAMES = ["normal-day", "flash-sale", "black-friday", "db-incident"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** The failure flags a step turns on (bots.traffic comes from `traffic`); every other one is off. */
export type StepFlags = { [K in Exclude<FlagKey, "bots.traffic">]?: FlagParams<K> };

export interface HotProducts {
  /** Product slugs a share of the bots' sessions crowd onto (a sale's hot items). */
  hotProducts?: string[];
  /** The share of sessions that go to the hot products (0..1). */
  hotShare?: number;
}

/** A steady target, or a linear ramp from where the previous step ended to `rampTo` by this step's end. */
export type StepTraffic = ({ perMinute: number } | { rampTo: number }) & HotProducts;

export interface ScenarioStep {
  /** When the step starts, in seconds of the real-time (1x) timeline. */
  atSeconds: number;
  /** What is happening, in one line the presenter can read out. */
  narrative: string;
  /** What to open in Coralogix while it happens. */
  look: string;
  /** The bots' target during the step; absent: the fleet's own configured shape. */
  traffic?: StepTraffic;
  flags: StepFlags;
}

export interface Scenario {
  name: ScenarioName;
  title: string;
  summary: string;
  /** When the scenario ends (1x seconds): everything is cleared then. */
  durationSeconds: number;
  steps: ScenarioStep[];
}

/** Every flag the conductor writes, at one moment of a scenario. */
export type DesiredFlags = { [K in FlagKey]?: FlagParams<K> };

export type ScenarioState = "idle" | "running" | "completed" | "stopped" | "aborted";

export interface ScenarioStatus {
  state: ScenarioState;
  name?: ScenarioName;
  title?: string;
  startedAt?: number;
  startedBy?: string;
  endedAt?: number;
  timeScale?: number;
  /** Seconds of the scenario's (1x) timeline behind us; with timeScale 10 it runs 10x wall time. */
  elapsedSeconds?: number;
  durationSeconds?: number;
  /** 0..1 */
  progress?: number;
  stepIndex?: number;
  narrative?: string;
  look?: string;
  steps?: { atSeconds: number; narrative: string }[];
  reason?: string;
  /** Which process conducts it (the lease holder), once one took it up. */
  conductor?: string;
  /** The flags on now, whoever set them. */
  flags: FlagState[];
  traffic?: { perMinute: number };
}
