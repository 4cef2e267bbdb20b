"use client";
// Pick a scenario and a time scale, start and stop it, and follow it: state, progress, the step
// it is on, what to say and what to open in Coralogix.
import { useState } from "react";
import { consoleCall } from "../../lib/console-api.ts";
import type { ConsoleScenario } from "../../lib/console-types.ts";
import type { ScenarioStatus } from "@shop/scenarios";

interface Props {
  scenarios: ConsoleScenario[];
  status: ScenarioStatus;
  onChanged: () => Promise<void>;
}

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(whole / 60))}:${String(whole % 60).padStart(2, "0")}`;
}

export function ScenarioPanel({ scenarios, status, onChanged }: Props) {
  const [name, setName] = useState(scenarios[0]?.name ?? "");
  const [timeScale, setTimeScale] = useState("1");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const running = status.state === "running";
  const chosen = scenarios.find((scenario) => scenario.name === name);
  const steps = (running ? status.steps : undefined) ?? chosen?.steps ?? [];

  async function act(path: string, body: unknown) {
    setPending(true);
    const answer = await consoleCall(path, body);
    setPending(false);
    setProblem(answer.ok ? null : { message: answer.message, fields: answer.fields });
    await onChanged();
  }

  const timeScaleError = problem?.fields.timeScale?.[0];
  return (
    <section aria-labelledby="scenario-heading" className="console-panel">
      <h2 id="scenario-heading">Scenario</h2>
      <form
        className="console-row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void act("scenario/start", { name, timeScale: Number(timeScale) });
        }}
      >
        <div className="field">
          <label htmlFor="scenario-name">Scenario</label>
          <select
            id="scenario-name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          >
            {scenarios.map((scenario) => (
              <option key={scenario.name} value={scenario.name}>
                {scenario.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="time-scale">Time scale</label>
          <input
            id="time-scale"
            type="number"
            inputMode="decimal"
            min={1}
            max={100}
            value={timeScale}
            aria-invalid={Boolean(timeScaleError)}
            aria-describedby="time-scale-hint"
            onChange={(event) => {
              setTimeScale(event.target.value);
            }}
          />
          <span id="time-scale-hint" className={timeScaleError ? "error" : "hint"}>
            {timeScaleError ?? "1 = real time; 10 runs ten times faster (rehearsals)."}
          </span>
        </div>
        <button className="button" type="submit" disabled={pending || running}>
          Start scenario
        </button>
        <button
          className="button secondary"
          type="button"
          disabled={pending}
          onClick={() => void act("scenario/stop", { reason: "stopped from the console" })}
        >
          Stop scenario
        </button>
      </form>
      {chosen && !running && <p className="hint">{chosen.summary}</p>}
      {problem && !timeScaleError && (
        <p className="notice error" role="alert">
          {problem.message}
        </p>
      )}

      <div className="console-status" aria-live="polite">
        <p>
          State: <strong data-testid="scenario-state">{status.state}</strong>
          {status.title && <> · {status.title}</>}
          {status.timeScale !== undefined && status.timeScale !== 1 && <> · {status.timeScale}× speed</>}
          {status.reason && status.state !== "running" && <> · {status.reason}</>}
        </p>
        {status.progress !== undefined && (
          <p>
            <label htmlFor="scenario-progress">Progress</label>{" "}
            <progress
              id="scenario-progress"
              data-testid="scenario-progress"
              max={1}
              value={status.progress}
            />{" "}
            <span data-testid="scenario-progress-text">
              {Math.round(status.progress * 100)}% ({clock(status.elapsedSeconds ?? 0)} of{" "}
              {clock(status.durationSeconds ?? 0)})
            </span>
          </p>
        )}
        {status.narrative && (
          <p className="console-narrative" data-testid="scenario-narrative">
            {status.narrative}
          </p>
        )}
        {status.look && (
          <p className="hint" data-testid="scenario-look">
            Look at: {status.look}
          </p>
        )}
      </div>

      <h3>Timeline</h3>
      <ol className="console-timeline" data-testid="scenario-timeline">
        {steps.map((step, index) => {
          const current = running && index === status.stepIndex;
          return (
            <li
              key={step.atSeconds}
              aria-current={current ? "step" : undefined}
              className={current ? "current" : undefined}
            >
              <span className="console-time">{clock(step.atSeconds)}</span> {step.narrative}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
