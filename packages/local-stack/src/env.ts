// Settings of the one-command local stack. Everything is optional: unset means "start a private
// one", so `npm run demo` works on a laptop with nothing configured but Node and redis-server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { defaultChromiumPath } from "./chromium.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const port = z.coerce.number().int().min(1024).max(65535);

const stackEnvSchema = z.object({
  // Set to use an existing PostgreSQL instead of the embedded one.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" })
    .optional(),
  // Set to use an existing Redis instead of a private redis-server.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" })
    .optional(),
  // Where the embedded database and private Redis keep their files (git-ignored).
  // Set to send telemetry to a collector or Coralogix instead of the local sink.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  DEMO_DATA_DIR: z.string().min(1).default(path.join(repoRoot, ".data")),
  // The local telemetry sink (OTLP/HTTP in, query API out); 4318 is OTLP/HTTP's usual port.
  DEMO_SINK_PORT: port.default(4318),
  DEMO_DB_PORT: port.default(54329),
  // Without DATABASE_URL: auto = a private PostgreSQL when its programs are installed, else PGlite.
  DEMO_DATABASE: z.enum(["auto", "postgres", "pglite"]).default("auto"),
  // Folder holding initdb and postgres, when they are not in /usr/lib/postgresql/<version>/bin.
  POSTGRES_BIN: z.string().min(1).optional(),
  DEMO_REDIS_PORT: port.default(63790),
  // Where the shop's services listen (consecutive ports from here: catalog, inventory, ...).
  DEMO_SERVICES_PORT: port.default(4101),
  // The storefront (http://127.0.0.1:3000 unless set).
  DEMO_WEB_PORT: port.default(3000),
  // The bot fleet: "false" starts none; its rate in user actions per minute; its control port.
  DEMO_BOTS: z.enum(["true", "false"]).default("true"),
  DEMO_BOTS_RATE: z.coerce.number().min(0).max(10_000).default(30),
  DEMO_BOTS_PORT: port.default(4200),
  // The bots' browser: Debian's chromium-headless-shell when installed, else chromium (chromium.ts).
  CHROMIUM_PATH: z
    .string()
    .min(1)
    .default(() => defaultChromiumPath()),
  // The presenter console's token (http://127.0.0.1:3000/console?token=...); a random one is made
  // for each start when unset, and printed with the console's URL.
  CONSOLE_TOKEN: z.string().min(16, { error: "must be at least 16 characters" }).optional(),
  // The demo seeds on every start (a no-op once seeded); "false" skips it.
  DEMO_SEED: z.enum(["true", "false"]).default("true"),
  // Restart a process that dies (as Kubernetes would) instead of stopping the demo: the chaos runs.
  DEMO_RESTART_CRASHED: z.enum(["true", "false"]).default("false"),
  // Redis binary, when it is not on PATH or in /usr/bin, /usr/sbin, /usr/local/bin.
  REDIS_SERVER_BIN: z.string().min(1).optional(),
  PATH: z.string().default(""),
});

export type StackEnv = z.infer<typeof stackEnvSchema> & { repoRoot: string };

export function stackEnv(source: Record<string, string | undefined> = process.env): StackEnv {
  const result = stackEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid demo configuration: ${problems.join("; ")}`);
  }
  return { ...result.data, repoRoot };
}
