// The console's service wired to this process's Redis (REDIS_URL) and the orders service: one
// Redis connection per server process, made on first use. Undefined without REDIS_URL.
import "server-only";
import { FlagStore } from "@shop/flags";
import { LiveStatsReader } from "@shop/live-stats";
import { ScenarioControl } from "@shop/scenarios";
import { Redis } from "ioredis";
import { webEnv } from "../../env.ts";
import { backendServices } from "../services.ts";
import { ConsoleService } from "./console-service.ts";

// Next may load this module once per route bundle; the process still needs only one connection.
const SHARED = Symbol.for("shop.web.console-service");
type Shared = typeof globalThis & { [SHARED]?: ConsoleService };

export function consoleService(): ConsoleService | undefined {
  const shared = globalThis as Shared;
  if (shared[SHARED]) return shared[SHARED];
  const url = webEnv().REDIS_URL;
  if (!url) return undefined;
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectionName: "storefront-console" });
  // ioredis reconnects on its own; each failed command already answers the request that made it.
  redis.on("error", () => undefined);
  shared[SHARED] = new ConsoleService({
    scenarios: new ScenarioControl(redis),
    flags: new FlagStore(redis),
    live: new LiveStatsReader(redis),
    recentOrders: (minutes) => backendServices().orders.stats.recentMinutes.query({ minutes }),
  });
  return shared[SHARED];
}
