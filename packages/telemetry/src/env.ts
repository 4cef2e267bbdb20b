// Settings of the telemetry package. The OpenTelemetry exporters read their standard OTEL_*
// variables themselves (endpoint, headers, timeouts, resource attributes, sampler); what is
// validated here is what this package decides on.
import { z } from "zod";

const flag = z.enum(["true", "false"]).transform((value) => value === "true");

const telemetryEnvSchema = z.object({
  OTEL_SDK_DISABLED: flag.default(false),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_TRACES_EXPORTER: z.enum(["otlp", "none"]).default("otlp"),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(["http/protobuf", "http/json"]).default("http/protobuf"),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.enum(["http/protobuf", "http/json"]).optional(),
  // The standard batch span processor settings: SDK 3.x no longer reads them itself.
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(0).default(5_000),
  OTEL_BSP_EXPORT_TIMEOUT: z.coerce.number().int().min(0).default(30_000),
  OTEL_BSP_MAX_QUEUE_SIZE: z.coerce.number().int().min(1).default(2_048),
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: z.coerce.number().int().min(1).default(512),
  // Version reported as service.version (the image tag in Kubernetes).
  SERVICE_VERSION: z.string().min(1).default("0.1.0"),
  DEPLOYMENT_ENVIRONMENT: z.string().min(1).default("local"),
  // Set from the Kubernetes downward API in the manifests.
  K8S_POD_NAME: z.string().min(1).optional(),
  K8S_NODE_NAME: z.string().min(1).optional(),
  K8S_NAMESPACE_NAME: z.string().min(1).optional(),
  // Database spans slower than this get db.slow_query=true and a warning log.
  TELEMETRY_SLOW_QUERY_MS: z.coerce.number().positive().default(200),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

export type TelemetryEnv = z.infer<typeof telemetryEnvSchema>;

export function telemetryEnv(source: Record<string, string | undefined> = process.env): TelemetryEnv {
  const result = telemetryEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid telemetry configuration: ${problems.join("; ")}`);
  }
  return result.data;
}
