// Start, stop and status: what the console and the CLI call. They only write the run's record
// (and, on stop, clear the scenario's flags at once); the timeline itself is played by whichever
// conductor holds the lease (conductor.ts).
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { FlagStore } from "@shop/flags";
import { z } from "zod";
import { clearScenarioFlags } from "./scenario-flags.ts";
import { ScenarioRecords } from "./scenario-record.ts";
import type { ScenarioRecord } from "./scenario-record.ts";
import { describeStatus } from "./scenario-status.ts";
import { recordScenarioEvent } from "./scenario-telemetry.ts";
import { SCENARIO_NAMES } from "./scenario-types.ts";
import type { ScenarioName, ScenarioStatus } from "./scenario-types.ts";

/** Rehearsals run faster (10 = ten times); slower than real time makes no demo. */
export const MAX_TIME_SCALE = 100;

export const scenarioStartInput = z.object({
  name: z.enum(SCENARIO_NAMES, { error: `name must be one of ${SCENARIO_NAMES.join(", ")}` }),
  timeScale: z
    .number({ error: "timeScale must be a number" })
    .min(1, { error: "timeScale must be at least 1" })
    .max(MAX_TIME_SCALE, { error: `timeScale must be at most ${String(MAX_TIME_SCALE)}` })
    .default(1),
  startedBy: z.string().min(1).max(100).default("unknown"),
});

/** Another scenario is running: only one at a time. */
export class ScenarioAlreadyRunning extends Error {
  override name = "ScenarioAlreadyRunning";
  readonly running: ScenarioName;

  constructor(running: ScenarioName) {
    super(`The ${running} scenario is running: stop it before starting another.`);
    this.running = running;
  }
}

export class ScenarioControl {
  readonly #records: ScenarioRecords;
  readonly #flags: FlagStore;

  constructor(redis: Redis, options: { prefix?: string } = {}) {
    this.#records = new ScenarioRecords(redis, options.prefix);
    this.#flags = new FlagStore(redis, options.prefix === undefined ? {} : { prefix: options.prefix });
  }

  /** Starts a scenario; throws ScenarioAlreadyRunning while one runs, a ZodError on bad input. */
  async start(
    name: ScenarioName,
    options: { timeScale?: number; startedBy?: string } = {},
  ): Promise<ScenarioStatus> {
    const input = scenarioStartInput.parse({ name, ...options });
    const record: ScenarioRecord = {
      runId: randomUUID(),
      state: "running",
      name: input.name,
      startedAt: Date.now(),
      startedBy: input.startedBy,
      timeScale: input.timeScale,
    };
    const running = await this.#records.startIfIdle(record);
    if (running) throw new ScenarioAlreadyRunning(running.name);
    recordScenarioEvent("started", record);
    return this.status();
  }

  /** Stops the running scenario and clears every flag scenarios set, at once. */
  async stop(reason = "stopped"): Promise<ScenarioStatus> {
    const record = await this.#records.read();
    if (record?.state === "running") {
      const stopped: ScenarioRecord = { ...record, state: "stopped", endedAt: Date.now(), reason };
      if (await this.#records.updateRunning(record.runId, stopped)) recordScenarioEvent("stopped", stopped);
    }
    // Also when nothing runs: a stop is the presenter's "make it all normal again".
    await clearScenarioFlags(this.#flags);
    return this.status();
  }

  async status(): Promise<ScenarioStatus> {
    const [record, flags] = await Promise.all([this.#records.read(), this.#flags.list()]);
    return describeStatus(record, flags, Date.now());
  }

  /** The conductor holding the lease now (undefined: nothing would play a started scenario). */
  conductor(): Promise<string | undefined> {
    return this.#records.leaseHolder();
  }
}
