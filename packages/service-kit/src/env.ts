// The settings every service shares; a service's own env.ts extends this schema with its own.
import { z } from "zod";

export const serviceEnvSchema = z.object({
  // Loopback unless told otherwise: in Kubernetes the manifests set HOST=0.0.0.0.
  HOST: z.string().min(1).default("127.0.0.1"),
  // How long a SIGTERM waits for requests in flight before closing connections.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // Where the failure-mode flags live (@shop/flags). Without it every flag reads as off.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" })
    .optional(),
});

/** Parses `source` with a service's schema; throws one readable line naming every problem. */
export function parseServiceEnv<T extends z.ZodType>(
  service: string,
  schema: T,
  source: Record<string, string | undefined> = process.env,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid ${service} configuration: ${problems.join("; ")}`);
  }
  return result.data;
}
