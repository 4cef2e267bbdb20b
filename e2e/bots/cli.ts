// `npm run bots`: starts the fleet and its control/metrics server, runs until Ctrl-C (or
// --duration), then stops cleanly. In Kubernetes this is the bot Deployment's whole job: traffic
// starts on its own when the process starts.
import { startFlags } from "@shop/flags";
import { LiveStatsWriter } from "@shop/live-stats";
import { logger } from "@shop/telemetry";
import { Redis } from "ioredis";
import { createControlServer } from "./control-server.ts";
import { fleetConfig, HELP } from "./fleet-config.ts";
import { fleetGauges, publishFleetGauges } from "./fleet-gauges.ts";
import { FleetMetrics } from "./fleet-metrics.ts";
import { FleetRunner } from "./fleet-runner.ts";
import { effectiveJourneyMix } from "./personas.ts";
import { followTrafficFlag } from "./traffic-flag.ts";
import { describeShape } from "./traffic-shapes.ts";

// eslint-disable-next-line no-restricted-properties
const config = fleetConfig(process.argv.slice(2), process.env);
if (config === "help") {
  console.log(HELP);
  process.exit(0);
}

const metrics = new FleetMetrics();
const fleet = new FleetRunner({
  baseUrl: config.url,
  shape: config.shape,
  maxSessions: config.maxSessions,
  journeyWeights: config.journeyWeights,
  personaWeights: config.personaWeights,
  thinkScale: config.thinkScale,
  metrics,
  log: (level, message, fields = {}) => {
    logger[level](fields, message);
  },
});
const server = createControlServer({
  fleet,
  metrics,
  expectedMix: effectiveJourneyMix(config.journeyWeights, config.personaWeights),
  controlToken: config.controlToken,
  host: config.host,
});

/** With the shop's Redis: follow the scenarios' traffic flag and publish gauges for the console. */
async function connectToShop(redisUrl: string, instance: string): Promise<() => Promise<void>> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectionName: "bots" });
  redis.on("error", () => undefined);
  const flags = await startFlags({ source: "bots", redis });
  const unfollow = followTrafficFlag(flags, fleet);
  const writer = new LiveStatsWriter(redis);
  const unpublish = publishFleetGauges({
    writer,
    instanceId: instance,
    gauges: () => fleetGauges(metrics.stats(), fleet.trafficOverride !== undefined),
  });
  logger.info({ instance }, "bots follow the scenarios' bots.traffic flag and publish live gauges");
  return async () => {
    unpublish();
    unfollow();
    await flags.stop();
    await writer.stop();
    redis.disconnect();
  };
}

let disconnect: (() => Promise<void>) | undefined;
let stopping: Promise<void> | undefined;
function stop(reason: string) {
  stopping ??= (async () => {
    logger.info({ reason }, "bots stopping");
    server.close();
    await disconnect?.();
    await fleet.stop();
    logger.info(metrics.stats(), "bots stopped");
    process.exit(0);
  })();
  return stopping;
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
const address = server.address();
const port = typeof address === "object" && address ? address.port : config.port;
if (config.redisUrl) disconnect = await connectToShop(config.redisUrl, config.instance);
fleet.start();
logger.info(
  { url: config.url, shape: config.shape, maxSessions: config.maxSessions },
  `bots shopping at ${config.url}: ${describeShape(config.shape)}; control on http://${config.host}:${String(port)}`,
);
if (config.durationSeconds > 0)
  setTimeout(() => void stop("duration reached"), config.durationSeconds * 1000);
