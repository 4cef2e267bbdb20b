// The console's rules, between its API routes and Redis: start and stop scenarios, switch flags
// and the bots' rate by hand (recorded as set by "console"), and read everything the page shows.
// Plain TypeScript with its dependencies passed in, so tests build it with real or fake ones.
import type { FlagKey, FlagParams, FlagState } from "@shop/flags";
import { ScenarioAlreadyRunning } from "@shop/scenarios";
import { SCENARIO_ATTR } from "@shop/telemetry/names";
import type { ScenarioName, ScenarioStatus } from "@shop/scenarios";
import { logger } from "@shop/telemetry";
import { readLiveTraffic } from "./live-traffic.ts";
import type { LiveStatsSource, LiveTraffic, RecentOrders } from "./live-traffic.ts";

export const CONSOLE_SETTER = "console";

export interface ConsoleDependencies {
  scenarios: {
    start(name: ScenarioName, options?: { timeScale?: number; startedBy?: string }): Promise<ScenarioStatus>;
    stop(reason?: string): Promise<ScenarioStatus>;
    status(): Promise<ScenarioStatus>;
  };
  flags: {
    set<K extends FlagKey>(key: K, value: FlagParams<K>, options: { setBy: string }): Promise<FlagState<K>>;
    clear(...keys: FlagKey[]): Promise<void>;
  };
  live: LiveStatsSource;
  recentOrders: (minutes: number) => Promise<RecentOrders>;
}

/** A request the console cannot carry out as things stand (a scenario already running): 409. */
export class ConsoleConflict extends Error {
  override name = "ConsoleConflict";
}

export interface ConsoleStatus {
  scenario: ScenarioStatus;
  traffic: LiveTraffic;
}

export class ConsoleService {
  readonly #deps: ConsoleDependencies;

  constructor(deps: ConsoleDependencies) {
    this.#deps = deps;
  }

  async status(): Promise<ConsoleStatus> {
    const [scenario, traffic] = await Promise.all([
      this.#deps.scenarios.status(),
      readLiveTraffic(this.#deps.live, this.#deps.recentOrders),
    ]);
    return { scenario, traffic };
  }

  async startScenario(input: { name: ScenarioName; timeScale: number }): Promise<ScenarioStatus> {
    try {
      const status = await this.#deps.scenarios.start(input.name, {
        timeScale: input.timeScale,
        startedBy: CONSOLE_SETTER,
      });
      logger.info(
        { [SCENARIO_ATTR.name]: input.name, [SCENARIO_ATTR.timeScale]: input.timeScale },
        `console: scenario ${input.name} started`,
      );
      return status;
    } catch (error) {
      if (error instanceof ScenarioAlreadyRunning) throw new ConsoleConflict(error.message);
      throw error;
    }
  }

  async stopScenario(reason = "stopped from the console"): Promise<ScenarioStatus> {
    const status = await this.#deps.scenarios.stop(reason);
    logger.info(
      { [SCENARIO_ATTR.name]: status.name },
      `console: scenario ${status.name ?? "(none)"} stopped`,
    );
    return status;
  }

  async setFlag(input: { key: FlagKey; params: unknown }): Promise<FlagState> {
    // The params were parsed with the flag's own schema (console-inputs); FlagStore parses again.
    const state = await this.#deps.flags.set(input.key, input.params as FlagParams<typeof input.key>, {
      setBy: CONSOLE_SETTER,
    });
    logger.info({ "feature_flag.key": input.key }, `console: flag ${input.key} on`);
    return state;
  }

  async clearFlag(input: { key: FlagKey }): Promise<void> {
    await this.#deps.flags.clear(input.key);
    logger.info({ "feature_flag.key": input.key }, `console: flag ${input.key} off`);
  }

  async setBots(input: { perMinute: number }): Promise<FlagState> {
    return this.setFlag({ key: "bots.traffic", params: { perMinute: input.perMinute } });
  }

  async clearBots(): Promise<void> {
    await this.clearFlag({ key: "bots.traffic" });
  }
}
