// What the storefront's server process hosts besides pages, started once from instrumentation.ts:
// with REDIS_URL, the scenario conductor (it walks running timelines and writes their flags; its
// lease lets another replica take over if this one dies) and the live-stats writer that counts
// the storefront's own API requests for the console.
import { startProcessLiveStats, stopProcessLiveStats } from "@shop/live-stats";
import { startConductor } from "@shop/scenarios";
import { logger } from "@shop/telemetry";
import { webEnv } from "../../env.ts";

export async function startConsoleHost(): Promise<void> {
  const redisUrl = webEnv().REDIS_URL;
  if (!redisUrl) {
    logger.info("console: no REDIS_URL, so no scenario conductor and no live numbers");
    return;
  }
  startProcessLiveStats({ redisUrl });
  const conductor = startConductor({ redis: redisUrl });
  logger.info("console: scenario conductor started");
  process.once("SIGTERM", () => {
    // Best effort before Next exits; a conductor that does not stop in time loses its lease anyway.
    void Promise.allSettled([conductor.stop(), stopProcessLiveStats()]);
  });
  await Promise.resolve();
}
