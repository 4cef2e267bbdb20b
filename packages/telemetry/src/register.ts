// The preload every Node process of the shop starts with, before any of its own code:
//   node --import @shop/telemetry/register src/main.ts      (OTEL_SERVICE_NAME names the process)
// It installs the ESM loader hook that lets instrumentations patch modules loaded with `import`
// (only the modules an instrumentation asked for are wrapped), then starts the SDK, then the
// logger (pino must be loaded after its instrumentation), and flushes telemetry on the way out.
import { register } from "node:module";
import { createAddHookMessageChannel } from "import-in-the-middle";
import { telemetryEnv } from "./env.ts";

const env = telemetryEnv();
// With the SDK disabled nothing is patched, so no loader hook either: the process runs as if the
// preload were not there.
const channel = env.OTEL_SDK_DISABLED ? undefined : createAddHookMessageChannel();
if (channel) {
  // The asynchronous loader thread, with the message channel that limits wrapping to the modules
  // an instrumentation hooked. (module.registerHooks is the newer API; the channel needs this one.)
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  register("import-in-the-middle/hook.mjs", import.meta.url, channel.registerOptions);
}

const { startTelemetry } = await import("./sdk.ts");
const telemetry = startTelemetry({ serviceName: env.OTEL_SERVICE_NAME ?? "unknown_service:node" });
await channel?.waitForAllMessagesAcknowledged();

const { logger } = await import("./logger.ts");
const { businessMetrics } = await import("./business-metrics.ts");
telemetry.onSlowQuery((query) => {
  const fields = {
    trace_id: query.traceId,
    span_id: query.spanId,
    "db.system.name": query.system,
    duration_ms: query.durationMs,
    "db.query.text": query.query,
  };
  logger.warn(fields, `slow query: ${String(query.durationMs)} ms`);
  businessMetrics.slowQuery(query.system);
});
