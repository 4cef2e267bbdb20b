// A scenario's turning points as telemetry: one short span per event (started, each step, the
// end), so a trace search for "scenario" in Coralogix puts markers on the timeline the charts
// show, and one log line each with the narrative the presenter reads.
import { trace } from "@opentelemetry/api";
import { logger } from "@shop/telemetry";
import { SCENARIO_ATTR } from "@shop/telemetry/names";
import type { ScenarioRecord } from "./scenario-record.ts";
import { SCENARIOS } from "./scenarios.ts";

export type ScenarioEvent = "started" | "step" | "completed" | "stopped" | "aborted";

const tracer = () => trace.getTracer("@shop/scenarios");

export function recordScenarioEvent(event: ScenarioEvent, record: ScenarioRecord, stepIndex?: number): void {
  const step = stepIndex === undefined ? undefined : SCENARIOS[record.name].steps[stepIndex];
  const attributes = {
    [SCENARIO_ATTR.name]: record.name,
    [SCENARIO_ATTR.runId]: record.runId,
    [SCENARIO_ATTR.event]: event,
    [SCENARIO_ATTR.timeScale]: record.timeScale,
    ...(stepIndex === undefined ? {} : { [SCENARIO_ATTR.step]: stepIndex }),
    ...(step ? { [SCENARIO_ATTR.narrative]: step.narrative } : {}),
    ...(record.reason === undefined ? {} : { [SCENARIO_ATTR.reason]: record.reason }),
  };
  tracer().startSpan(`scenario ${event}`, { attributes, root: true }).end();
  const line =
    event === "step" && step
      ? `${record.name} step ${String(stepIndex)}: ${step.narrative}`
      : `${record.name} ${event}${record.reason === undefined ? "" : `: ${record.reason}`}`;
  logger.info(
    { scenario: record.name, runId: record.runId, event, step: stepIndex, reason: record.reason },
    line,
  );
}
