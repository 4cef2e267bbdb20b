// The OpenTelemetry Node SDK as every process of the shop runs it. Export goes wherever the
// standard OTEL_* variables say (the local sink, a collector, or Coralogix directly) over
// OTLP/HTTP, protobuf by default. Metrics and logs exporters are configured by the SDK from the
// same variables; traces get an exporter built here because our own span processor runs first.
//
// The database span is node-postgres's (`pg`): it carries the full semantic conventions
// (db.system.name, db.namespace, db.operation.name, server.address), sets ERROR on failures and
// comes with connection-pool metrics. Prisma's own `prisma:client:db_query` span would repeat
// the same SQL, so it is ignored; Prisma's operation spans (which model, which action, how long
// the ORM took around the SQL) are kept as parents of the pg spans.
import { NodeSDK } from "@opentelemetry/sdk-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace";
import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import { OTLPTraceExporter as OTLPTraceExporterJson } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPTraceExporterProto } from "@opentelemetry/exporter-trace-otlp-proto";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { PinoInstrumentation } from "@opentelemetry/instrumentation-pino";
import { RuntimeNodeInstrumentation } from "@opentelemetry/instrumentation-runtime-node";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { EnrichingSpanProcessor } from "./enriching-span-processor.ts";
import type { SlowQuery } from "./enriching-span-processor.ts";
import { telemetryEnv } from "./env.ts";
import { shopResource } from "./resource.ts";

export interface Telemetry {
  serviceName: string;
  enabled: boolean;
  /** Where slow-query reports go (the logger sets itself here once it exists). */
  onSlowQuery(handler: (query: SlowQuery) => void): void;
  /** Flushes and stops exporting; resolves within `timeoutMs` even if the backend is unreachable. */
  shutdown(timeoutMs?: number): Promise<void>;
}

let current: Telemetry | undefined;

export function currentTelemetry(): Telemetry | undefined {
  return current;
}

export function startTelemetry(options: { serviceName: string }): Telemetry {
  if (current) return current;
  const env = telemetryEnv();
  const enricher = new EnrichingSpanProcessor({ slowQueryMs: env.TELEMETRY_SLOW_QUERY_MS });
  const spanProcessors: SpanProcessor[] = [enricher];
  if (env.OTEL_TRACES_EXPORTER === "otlp") {
    const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL;
    const exporter = protocol === "http/json" ? new OTLPTraceExporterJson() : new OTLPTraceExporterProto();
    // Batching: export never sits on a request's path, and a full queue drops instead of blocking.
    spanProcessors.push(
      new BatchSpanProcessor({
        exporter,
        scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY,
        exportTimeoutMillis: env.OTEL_BSP_EXPORT_TIMEOUT,
        maxQueueSize: env.OTEL_BSP_MAX_QUEUE_SIZE,
        maxExportBatchSize: Math.min(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE, env.OTEL_BSP_MAX_QUEUE_SIZE),
      }),
    );
  }

  const sdk = new NodeSDK({
    resource: shopResource(options.serviceName, env),
    spanProcessors,
    instrumentations: [
      // Outgoing node:http calls only: a service's own HTTP entry is traced by tracedRequestListener
      // (see http-server.ts for why), and fetch() goes through the undici instrumentation.
      new HttpInstrumentation({
        disableIncomingRequestInstrumentation: true,
        redactedQueryParams: ["token", "key", "email", "card", "cvc"],
      }),
      new UndiciInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new PinoInstrumentation(),
      new RuntimeNodeInstrumentation(),
      new PrismaInstrumentation({ ignoreSpanTypes: ["prisma:client:db_query"] }),
    ],
  });
  if (!env.OTEL_SDK_DISABLED) sdk.start();

  let stopped: Promise<void> | undefined;
  current = {
    serviceName: options.serviceName,
    enabled: !env.OTEL_SDK_DISABLED,
    onSlowQuery(handler) {
      enricher.onSlowQuery = handler;
    },
    shutdown(timeoutMs = 5_000) {
      stopped ??= Promise.race([
        env.OTEL_SDK_DISABLED ? Promise.resolve() : sdk.shutdown().catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
      return stopped;
    },
  };
  return current;
}
