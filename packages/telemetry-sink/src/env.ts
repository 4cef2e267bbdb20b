// The sink CLI's configuration: the one place that reads process.env.
import { z } from "zod";

export const DEFAULT_SINK_URL = "http://127.0.0.1:4318";

const sinkEnvSchema = z.object({
  // Where the query commands (traces, trace, logs, rum) find a running sink.
  TELEMETRY_SINK_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// URL" })
    .default(DEFAULT_SINK_URL),
});

export type SinkEnv = z.infer<typeof sinkEnvSchema>;

export function sinkEnv(source: Record<string, string | undefined> = process.env): SinkEnv {
  // An empty variable (as .env files leave them) means "not set".
  const result = sinkEnvSchema.safeParse({
    TELEMETRY_SINK_URL: source.TELEMETRY_SINK_URL === "" ? undefined : source.TELEMETRY_SINK_URL,
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid telemetry sink configuration: ${problems.join("; ")}`);
  }
  return result.data;
}
