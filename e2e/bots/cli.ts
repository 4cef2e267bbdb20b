// `npm run bots`: starts the fleet and its control/metrics server, runs until Ctrl-C (or
// --duration), then stops cleanly. In Kubernetes this is the bot Deployment's whole job: traffic
// starts on its own when the process starts.
import { logger } from "@shop/telemetry";
import { createControlServer } from "./control-server.ts";
import { fleetConfig, HELP } from "./fleet-config.ts";
import { FleetMetrics } from "./fleet-metrics.ts";
import { FleetRunner } from "./fleet-runner.ts";
import { effectiveJourneyMix } from "./personas.ts";
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
});

let stopping: Promise<void> | undefined;
function stop(reason: string) {
  stopping ??= (async () => {
    logger.info({ reason }, "bots stopping");
    server.close();
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
fleet.start();
logger.info(
  { url: config.url, shape: config.shape, maxSessions: config.maxSessions },
  `bots shopping at ${config.url}: ${describeShape(config.shape)}; control on http://${config.host}:${String(port)}`,
);
if (config.durationSeconds > 0)
  setTimeout(() => void stop("duration reached"), config.durationSeconds * 1000);
