// Plays the running scenario. Any number of processes may host a conductor; the one holding the
// lease (renewed every tick) writes the current step's flags with a short lease of their own, so
// if it dies they run out within seconds and the shop is normal again. A conductor that finds a
// run taken up by another (whose lease therefore ran out) aborts it instead of resuming it: after
// a crash or a restart the shop restores, it does not jump back into the middle of an incident.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { FlagStore } from "@shop/flags";
import type { FlagKey, FlagParams } from "@shop/flags";
import { logger } from "@shop/telemetry";
import { clearScenarioFlags, scenarioSetter } from "./scenario-flags.ts";
import { ScenarioRecords } from "./scenario-record.ts";
import type { ScenarioRecord } from "./scenario-record.ts";
import { recordScenarioEvent } from "./scenario-telemetry.ts";
import { SCENARIOS } from "./scenarios.ts";
import { elapsedSeconds, flagsAt, stepIndexAt } from "./timeline.ts";

export const DEFAULT_TICK_MS = 1_000;

export interface ConductorOptions {
  /** Names this process in the lease and the run's record (unique per process start). */
  instanceId?: string;
  prefix?: string;
  tickMs?: number;
}

export class Conductor {
  readonly instanceId: string;
  readonly #records: ScenarioRecords;
  readonly #flags: FlagStore;
  readonly #tickMs: number;

  constructor(redis: Redis, options: ConductorOptions = {}) {
    this.instanceId =
      options.instanceId ?? `${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;
    this.#records = new ScenarioRecords(redis, options.prefix);
    this.#flags = new FlagStore(redis, options.prefix === undefined ? {} : { prefix: options.prefix });
    this.#tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  }

  /** The lease outlives a few missed ticks (a GC pause), not a dead process. */
  get leaseMs(): number {
    return this.#tickMs * 5;
  }

  /** Flags are renewed every tick and outlive three missed ones. */
  get flagTtlMs(): number {
    return this.#tickMs * 3;
  }

  /** One beat: take or renew the lease and, as its holder, bring the flags to where the run is. */
  async tick(now = Date.now()): Promise<void> {
    if (!(await this.#records.takeLease(this.instanceId, this.leaseMs))) return;
    const record = await this.#records.read();
    if (record?.state !== "running") {
      // Leftovers of a tick that raced a stop, or of a crashed run: nothing runs, so none may stay.
      await clearScenarioFlags(this.#flags);
      return;
    }
    if (record.conductor !== undefined && record.conductor !== this.instanceId) {
      await this.#end(
        record,
        "aborted",
        `its conductor (${record.conductor}) stopped; a restart restores instead of resuming`,
      );
      return;
    }
    // A run nobody took up for a while would start mid-way when a conductor finally appears.
    if (record.conductor === undefined && now - record.startedAt > this.leaseMs * 2) {
      await this.#end(record, "aborted", "no conductor took it up (is the storefront running?)");
      return;
    }
    const scenario = SCENARIOS[record.name];
    const elapsed = elapsedSeconds(record.startedAt, record.timeScale, now);
    if (elapsed >= scenario.durationSeconds) {
      await this.#end(record, "completed", "the timeline ended");
      return;
    }
    const stepIndex = stepIndexAt(scenario, elapsed);
    await this.#apply(record, flagsAt(scenario, elapsed));
    const next: ScenarioRecord = { ...record, conductor: this.instanceId, heartbeatAt: now, stepIndex };
    if (!(await this.#records.updateRunning(record.runId, next))) {
      // Stopped while we wrote: take back what we just renewed.
      await clearScenarioFlags(this.#flags);
      return;
    }
    if (record.stepIndex !== stepIndex || record.conductor === undefined)
      recordScenarioEvent("step", next, stepIndex);
  }

  async #apply(record: ScenarioRecord, desired: { [K in FlagKey]?: FlagParams<K> }): Promise<void> {
    const setBy = scenarioSetter(record.name);
    const entries = Object.entries(desired) as [FlagKey, FlagParams<FlagKey>][];
    for (const [key, value] of entries) await this.#flags.set(key, value, { setBy, ttlMs: this.flagTtlMs });
    const keys = entries.map(([key]) => key);
    await clearScenarioFlags(this.#flags, new Set(keys));
  }

  async #end(record: ScenarioRecord, state: "completed" | "aborted", reason: string): Promise<void> {
    const ended: ScenarioRecord = { ...record, state, reason, endedAt: Date.now() };
    // Flags first: whoever reads the run as ended finds its flags gone (the other order left a
    // moment where a completed run still had bots.traffic on).
    await clearScenarioFlags(this.#flags);
    const changed = await this.#records.updateRunning(record.runId, ended);
    if (changed) recordScenarioEvent(state, ended, record.stepIndex);
  }

  /** Leaving: a run this conductor plays is aborted now (its flags cleared) rather than left to expire. */
  async release(): Promise<void> {
    const record = await this.#records.read();
    if (record?.state === "running" && record.conductor === this.instanceId) {
      await this.#end(record, "aborted", "its conductor's process stopped");
    }
    await this.#records.releaseLease(this.instanceId);
  }
}

export interface RunningConductor {
  readonly instanceId: string;
  stop(): Promise<void>;
}

/** Hosts a conductor in this process: a tick every `tickMs` until stop(). */
export function startConductor(options: ConductorOptions & { redis: Redis | string }): RunningConductor {
  const ownRedis =
    typeof options.redis === "string"
      ? new Redis(options.redis, { maxRetriesPerRequest: 1, connectionName: "scenario-conductor" })
      : undefined;
  ownRedis?.on("error", () => undefined);
  const conductor = new Conductor(ownRedis ?? (options.redis as Redis), options);
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();
  // Chained timeouts, not an interval: a slow tick (Redis away) never overlaps the next one.
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      ticking = conductor
        .tick()
        .catch((error: unknown) => {
          logger.warn({ err: error }, "scenario conductor: tick failed (Redis unavailable?)");
        })
        .finally(schedule);
    }, tickMs);
    timer.unref();
  };
  ticking = conductor
    .tick()
    .catch(() => undefined)
    .finally(schedule);
  return {
    instanceId: conductor.instanceId,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      await conductor.release().catch((error: unknown) => {
        logger.warn({ err: error }, "scenario conductor: could not release its run");
      });
      ownRedis?.disconnect();
    },
  };
}
