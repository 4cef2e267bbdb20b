// Structured JSON logs (pino) on stdout. The pino instrumentation adds trace_id, span_id and
// trace_flags of the active span to every line and sends each record over OTLP as well, so a
// log line and its trace join in Coralogix. Fields and messages are scrubbed like span attributes.
import { pino } from "pino";
import type { Logger } from "pino";
import { telemetryEnv } from "./env.ts";
import { REDACTED, redactDeep, redactString } from "./redaction.ts";

const env = telemetryEnv();

export const logger: Logger = pino({
  level: env.LOG_LEVEL,
  base: { "service.name": env.OTEL_SERVICE_NAME ?? "unknown_service:node" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: {
    level: (label) => ({ level: label }),
    log: (fields) => redactDeep(fields) as Record<string, unknown>,
  },
  hooks: {
    logMethod(args, method) {
      // The message string is not a field: scrub it here.
      method.apply(
        this,
        args.map((arg) => (typeof arg === "string" ? redactString(arg) : arg)) as Parameters<typeof method>,
      );
    },
  },
  redact: {
    paths: ["*.headers.authorization", "*.headers.cookie", "password", "cardNumber", "cvc"],
    censor: REDACTED,
  },
});
