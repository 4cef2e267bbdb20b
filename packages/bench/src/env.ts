// The bench's settings, all optional. Defaults make a full run take about ten minutes on two cores;
// the BENCH_* knobs shorten or lengthen its parts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultChromiumPath } from "@shop/local-stack/chromium";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const benchEnvSchema = z.object({
  // The PostgreSQL server the bench's scratch database is created on (and dropped from).
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" })
    .default("postgresql://postgres@127.0.0.1:5432/postgres"),
  // The bots' browser, as the demo picks it (chromium-headless-shell when installed).
  CHROMIUM_PATH: z
    .string()
    .min(1)
    .default(() => defaultChromiumPath()),
  // Where system-<timestamp>.json and .md go (git-ignored).
  BENCH_RESULTS_DIR: z.string().min(1).default(path.join(repoRoot, ".bench-results")),
  // Storefront throughput: rounds per side (telemetry on, off), seconds per round, connections.
  BENCH_HTTP_ROUNDS: count(1, 20, 3),
  BENCH_HTTP_SECONDS: count(1, 120, 8),
  BENCH_HTTP_CONNECTIONS: count(1, 200, 10),
  // Checkout: concurrent shoppers and for how long.
  BENCH_CHECKOUT_SHOPPERS: count(1, 100, 8),
  BENCH_CHECKOUT_SECONDS: count(1, 600, 30),
  // Database: seconds per side (flag off, flag on) and concurrent callers.
  BENCH_DB_SECONDS: count(1, 600, 15),
  BENCH_DB_CONCURRENCY: count(1, 50, 4),
  // Footprint and bots: browser sessions, seconds at normal-day traffic, seconds flat out.
  BENCH_BOT_SESSIONS: count(1, 50, 5),
  BENCH_FOOTPRINT_SECONDS: count(4, 600, 30),
  BENCH_BOTS_SECONDS: count(4, 600, 40),
  // A running stack (`--url`) instead of starting one: where its other parts are. The defaults are
  // `npm run demo`'s (embedded database, private Redis, sink, services from 4101).
  BENCH_SERVICES_PORT: count(1024, 65535, 4101),
  BENCH_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" })
    .default("redis://127.0.0.1:63790"),
  BENCH_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" })
    .default("postgresql://postgres@127.0.0.1:54329/postgres"),
  BENCH_SINK_URL: z.url().default("http://127.0.0.1:4318"),
});

export type BenchEnv = z.infer<typeof benchEnvSchema> & { repoRoot: string };

export function benchEnv(source: Record<string, string | undefined> = process.env): BenchEnv {
  const result = benchEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid bench configuration: ${problems.join("; ")}`);
  }
  return { ...result.data, repoRoot };
}

/** This process's environment, to pass on to the processes the bench starts (PATH, HOME, ...). */
export function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== "DATABASE_URL" && name !== "REDIS_URL") env[name] = value;
  }
  return env;
}
