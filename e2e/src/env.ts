// Settings of the browser tests and the bot fleet.
import { defaultChromiumPath } from "@shop/local-stack/chromium";
import { z } from "zod";

const e2eEnvSchema = z
  .object({
    // Debian's Chromium: Playwright's own browser download is not used (and not reachable offline).
    // Unset: chromium-headless-shell when installed and headless, else chromium (see chromium.ts).
    CHROMIUM_PATH: z.string().min(1).optional(),
    // "false" shows the browser (on a machine with a display), for watching a journey.
    HEADLESS: z.enum(["true", "false"]).default("true"),
    // Metrics export interval of the stack the tests start (the time-scaled acceptance run judges
    // alert windows of seconds); unset: the SDK's default, once a minute.
    E2E_METRIC_EXPORT_INTERVAL_MS: z.coerce.number().int().min(100).optional(),
  })
  .transform((env) => ({
    ...env,
    CHROMIUM_PATH: env.CHROMIUM_PATH ?? defaultChromiumPath({ headless: env.HEADLESS === "true" }),
  }));

export type E2eEnv = z.output<typeof e2eEnvSchema>;

export function e2eEnv(source: Record<string, string | undefined> = process.env): E2eEnv {
  const result = e2eEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid e2e configuration: ${problems.join("; ")}`);
  }
  return result.data;
}
