// Settings of the scenario CLI. The default Redis is the one `npm run demo` starts for itself.
import { z } from "zod";

const scenariosEnvSchema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" })
    .default("redis://127.0.0.1:63790"),
  // Who starts scenarios from this shell (shown in the console's status).
  USER: z.string().min(1).default("cli"),
});

export type ScenariosEnv = z.infer<typeof scenariosEnvSchema>;

export function scenariosEnv(source: Record<string, string | undefined> = process.env): ScenariosEnv {
  const result = scenariosEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid scenario configuration: ${problems.join("; ")}`);
  }
  return result.data;
}
