export { SCENARIO_NAMES } from "./scenario-types.ts";
export type {
  DesiredFlags,
  HotProducts,
  Scenario,
  ScenarioName,
  ScenarioState,
  ScenarioStatus,
  ScenarioStep,
  StepFlags,
  StepTraffic,
} from "./scenario-types.ts";
export { SCENARIOS, SALE_PRODUCTS } from "./scenarios.ts";
export { elapsedSeconds, flagsAt, scenarioProblems, stepIndexAt, trafficAt } from "./timeline.ts";
export {
  ScenarioControl,
  ScenarioAlreadyRunning,
  scenarioStartInput,
  MAX_TIME_SCALE,
} from "./scenario-control.ts";
export { Conductor, startConductor, DEFAULT_TICK_MS } from "./conductor.ts";
export type { ConductorOptions, RunningConductor } from "./conductor.ts";
export { DEFAULT_SCENARIO_PREFIX, scenarioKeys } from "./scenario-record.ts";
export { SCENARIO_SETTER_PREFIX } from "./scenario-flags.ts";
export { statusText } from "./status-text.ts";
