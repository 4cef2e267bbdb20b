// The one Redis key that says which scenario runs (or last ran), and the conductor's lease. Every
// write is a compare-and-set in Lua, so a start racing another start, or a conductor's tick
// racing a stop, can never resurrect a scenario that was stopped or run two at once.
import type { Redis } from "ioredis";
import { z } from "zod";
import { SCENARIO_NAMES } from "./scenario-types.ts";

export const DEFAULT_SCENARIO_PREFIX = "shop:";

export function scenarioKeys(prefix = DEFAULT_SCENARIO_PREFIX) {
  return { record: `${prefix}scenario:run`, lease: `${prefix}scenario:conductor` };
}

const recordSchema = z.object({
  runId: z.string(),
  state: z.enum(["running", "completed", "stopped", "aborted"]),
  name: z.enum(SCENARIO_NAMES),
  startedAt: z.number(),
  startedBy: z.string(),
  timeScale: z.number().positive(),
  endedAt: z.number().optional(),
  reason: z.string().optional(),
  /** The conductor that took the run up; another one finding it running means that one died. */
  conductor: z.string().optional(),
  heartbeatAt: z.number().optional(),
  stepIndex: z.number().int().optional(),
});

export type ScenarioRecord = z.infer<typeof recordSchema>;

export function parseRecord(raw: string | null): ScenarioRecord | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// Writes ARGV[1] unless a run is in progress; returns the running record otherwise.
const START_IF_IDLE = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, record = pcall(cjson.decode, current)
  if ok and type(record) == 'table' and record.state == 'running' then return current end
end
redis.call('SET', KEYS[1], ARGV[1])
return false`;

// Replaces the record with ARGV[2] only while run ARGV[1] is still the one running.
const UPDATE_RUNNING = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, record = pcall(cjson.decode, current)
if not ok or type(record) ~= 'table' or record.runId ~= ARGV[1] or record.state ~= 'running' then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1`;

// Takes the lease when free, renews it when ours; 1 when we hold it afterwards.
const TAKE_LEASE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class ScenarioRecords {
  readonly #redis: Redis;
  readonly #keys: ReturnType<typeof scenarioKeys>;

  constructor(redis: Redis, prefix?: string) {
    this.#redis = redis;
    this.#keys = scenarioKeys(prefix);
  }

  async read(): Promise<ScenarioRecord | undefined> {
    return parseRecord(await this.#redis.get(this.#keys.record));
  }

  /** Stores a new run; the run already in progress when there is one (nothing is written then). */
  async startIfIdle(record: ScenarioRecord): Promise<ScenarioRecord | undefined> {
    const running = (await this.#redis.eval(START_IF_IDLE, 1, this.#keys.record, JSON.stringify(record))) as
      string | null;
    return running === null ? undefined : (parseRecord(running) ?? record);
  }

  /** Replaces a run's record while it is still running; false when it ended or another run began. */
  async updateRunning(runId: string, next: ScenarioRecord): Promise<boolean> {
    const result = await this.#redis.eval(UPDATE_RUNNING, 1, this.#keys.record, runId, JSON.stringify(next));
    return result === 1;
  }

  async takeLease(instanceId: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.eval(TAKE_LEASE, 1, this.#keys.lease, instanceId, String(ttlMs))) === 1;
  }

  async releaseLease(instanceId: string): Promise<void> {
    await this.#redis.eval(RELEASE_LEASE, 1, this.#keys.lease, instanceId);
  }

  /** The conductor holding the lease now, if any. */
  async leaseHolder(): Promise<string | undefined> {
    return (await this.#redis.get(this.#keys.lease)) ?? undefined;
  }
}
