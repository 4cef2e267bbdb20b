// `npm run demo`: the whole shop on local defaults, in order, with prefixed logs, until Ctrl-C.
//   telemetry OTEL_EXPORTER_OTLP_ENDPOINT, or the local sink on 127.0.0.1:4318 (query it with
//             `npm run telemetry -- traces`), where every process sends its OTLP data
//   database  DATABASE_URL, or a private PostgreSQL cluster when PostgreSQL is installed (data in
//             .data/postgres), else an embedded PGlite server (data in .data/pglite); both on
//             127.0.0.1:54329
//   redis     REDIS_URL, or a private redis-server on 127.0.0.1
//   migrate   the committed migrations (native schema engine where installed, else WASM)
//   seed      the catalog and its order history (idempotent: a no-op once seeded)
//   services  each backend service, started with the telemetry preload, on 127.0.0.1:4101...
//   web       the storefront's production build (rebuilt only when its sources changed, while
//             the database is seeded), started with the telemetry preload on 127.0.0.1:3000; it
//             hosts the scenario conductor and the presenter console (CONSOLE_TOKEN, or a random
//             token printed with the console's URL)
//   bots      a gentle fleet of Chromium shoppers (30 actions/min; DEMO_BOTS=false for none),
//             control and metrics on 127.0.0.1:4200; they follow the scenarios' traffic flag
//             and publish their numbers to the console through Redis
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { DEMO_SERVICES, demoServiceUrls } from "./demo-services.ts";
import { stackEnv } from "./env.ts";
import { ProcessGroup, prefixer } from "./process-group.ts";
import {
  findPostgresBin,
  initPostgresCluster,
  isPostgresReady,
  postgresCommand,
  postgresServerArgs,
} from "./private-postgres.ts";
import { findRedisServer, pingRedis, redisArgs } from "./redis.ts";

const env = stackEnv();
const say = prefixer("demo", 7);
const log = (line: string) => {
  console.log(say(line));
};
const group = new ProcessGroup();
const node = process.execPath;
const dbPackage = path.join(env.repoRoot, "packages", "db");
// Fresh for each start unless configured: the console can flip failure modes, so a guessable
// default would be a switch anyone on the network could pull.
const consoleToken = env.CONSOLE_TOKEN ?? randomBytes(18).toString("base64url");

let shuttingDown = false;
async function shutdown(reason: string, exitCode: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log(`${reason}: stopping`);
  await group.stopAll();
  log("stopped");
  process.exit(exitCode);
}
process.on("SIGINT", () => void shutdown("Ctrl-C", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
group.onUnexpectedExit = (name, code) =>
  void shutdown(`${name} exited unexpectedly (code ${String(code)})`, 1);
group.restartCrashed = env.DEMO_RESTART_CRASHED === "true";

async function startTelemetrySink(): Promise<string> {
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    log(`telemetry: exporting to ${env.OTEL_EXPORTER_OTLP_ENDPOINT}`);
    return env.OTEL_EXPORTER_OTLP_ENDPOINT;
  }
  await group.start({
    name: "telemetry",
    command: node,
    args: [
      path.join(env.repoRoot, "packages/telemetry-sink/src/cli.ts"),
      "serve",
      "--port",
      String(env.DEMO_SINK_PORT),
    ],
    ready: (line) => line.startsWith("ready:"),
  });
  return `http://127.0.0.1:${String(env.DEMO_SINK_PORT)}`;
}

async function startDatabase(): Promise<string> {
  if (env.DATABASE_URL) {
    log("database: using DATABASE_URL");
    return env.DATABASE_URL;
  }
  const url = `postgresql://postgres@127.0.0.1:${String(env.DEMO_DB_PORT)}/postgres`;
  const bin = env.DEMO_DATABASE === "pglite" ? undefined : findPostgresBin(env.POSTGRES_BIN);
  if (bin) {
    try {
      await startPrivatePostgres(bin);
      return url;
    } catch (error) {
      if (env.DEMO_DATABASE === "postgres" || shuttingDown) throw error;
      log(
        `database: the private PostgreSQL did not start (${error instanceof Error ? error.message : String(error)}); using the embedded PGlite instead`,
      );
    }
  } else if (env.DEMO_DATABASE === "postgres") {
    throw new Error(
      "DEMO_DATABASE=postgres but PostgreSQL's server programs (initdb, postgres) are not installed: " +
        "apt-get install postgresql, or set POSTGRES_BIN to the folder holding them.",
    );
  }
  const dataDir = path.join(env.DEMO_DATA_DIR, "pglite");
  log("database: embedded PGlite (one query at a time: for the database scenarios install PostgreSQL)");
  await group.start({
    name: "database",
    command: node,
    args: [path.join(import.meta.dirname, "pglite-server.ts"), dataDir, String(env.DEMO_DB_PORT)],
    ipc: true,
    ready: (line) => line.startsWith("ready:"),
  });
  return url;
}

/** A private PostgreSQL cluster in the data folder, run in the foreground like every child. */
async function startPrivatePostgres(bin: string) {
  const dataDir = path.join(env.DEMO_DATA_DIR, "postgres");
  if ((await initPostgresCluster(bin, dataDir)) === "created")
    log(`database: created a PostgreSQL cluster in ${dataDir}`);
  const [command, args] = postgresCommand(bin, "postgres", postgresServerArgs(dataDir, env.DEMO_DB_PORT));
  await group.start({ name: "database", command, args, ready: isPostgresReady });
}

function requireRedisServer(): string {
  const binary = findRedisServer(env.REDIS_SERVER_BIN, env.PATH);
  if (!binary) {
    throw new Error(
      "redis-server is not installed: install it (Debian/Ubuntu: apt-get install redis-server; " +
        "macOS: brew install redis) or set REDIS_URL to a running Redis.",
    );
  }
  return binary;
}

async function startRedis(): Promise<string> {
  if (env.REDIS_URL) {
    if (!(await pingRedis(env.REDIS_URL)))
      throw new Error("REDIS_URL is set but Redis does not answer PING there.");
    log("redis: using REDIS_URL");
    return env.REDIS_URL;
  }
  const binary = requireRedisServer();
  const dir = path.join(env.DEMO_DATA_DIR, "redis");
  await mkdir(dir, { recursive: true });
  await group.start({
    name: "redis",
    command: binary,
    args: redisArgs(env.DEMO_REDIS_PORT, dir),
    ready: (line) => line.includes("Ready to accept connections"),
  });
  return `redis://127.0.0.1:${env.DEMO_REDIS_PORT}`;
}

/** Where each service finds the others. */
function serviceUrls(): Record<string, string> {
  return demoServiceUrls(env.DEMO_SERVICES_PORT);
}

async function startServices(urls: { databaseUrl: string; redisUrl: string; telemetryUrl: string }) {
  const started: Record<string, string> = {};
  for (const [name, offset] of DEMO_SERVICES) {
    const port = env.DEMO_SERVICES_PORT + offset;
    await group.start({
      name,
      command: node,
      args: [
        "--import",
        "@shop/telemetry/register",
        path.join(env.repoRoot, "apps/services", name, "src/main.ts"),
      ],
      cwd: path.join(env.repoRoot, "apps/services", name),
      env: {
        ...serviceUrls(),
        PORT: String(port),
        DATABASE_URL: urls.databaseUrl,
        REDIS_URL: urls.redisUrl,
        OTEL_SERVICE_NAME: name,
        OTEL_EXPORTER_OTLP_ENDPOINT: urls.telemetryUrl,
      },
      ready: (line) => line.includes(" listening on "),
    });
    started[name] = `http://127.0.0.1:${String(port)}`;
  }
  return started;
}

/** The storefront's production build; skipped when nothing changed since the last one. */
function buildStorefront() {
  return group.start({
    name: "build",
    command: node,
    args: [path.join(env.repoRoot, "apps/web/scripts/build.ts")],
    cwd: path.join(env.repoRoot, "apps/web"),
    oneShot: true,
  });
}

async function startStorefront(urls: { telemetryUrl: string; redisUrl: string; localSink: boolean }) {
  await group.start({
    name: "web",
    command: node,
    args: [
      "--import",
      "@shop/telemetry/register",
      path.join(env.repoRoot, "node_modules/next/dist/bin/next"),
      "start",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(env.DEMO_WEB_PORT),
    ],
    cwd: path.join(env.repoRoot, "apps/web"),
    env: {
      ...serviceUrls(),
      OTEL_SERVICE_NAME: "storefront",
      OTEL_EXPORTER_OTLP_ENDPOINT: urls.telemetryUrl,
      // Flags, live stats, the scenario conductor and the console's state all live in Redis.
      REDIS_URL: urls.redisUrl,
      CONSOLE_TOKEN: consoleToken,
      // The undici instrumentation already traces each call to a service; Next's own fetch span
      // would repeat it (with the query string in its name).
      NEXT_OTEL_FETCH_DISABLED: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(urls.localSink ? { RUM_LOCAL_SINK_URL: urls.telemetryUrl } : {}),
    },
    ready: (line) => line.includes("Ready in"),
  });
  return `http://127.0.0.1:${String(env.DEMO_WEB_PORT)}`;
}

/** The bot fleet, when wanted and when there is a Chromium to drive. */
async function startBots(urls: {
  webUrl: string;
  telemetryUrl: string;
  redisUrl: string;
}): Promise<string | undefined> {
  if (env.DEMO_BOTS === "false") return undefined;
  if (!existsSync(env.CHROMIUM_PATH)) {
    log(
      `bots: no Chromium at ${env.CHROMIUM_PATH} (apt-get install chromium-headless-shell, or set CHROMIUM_PATH); the shop runs without bots`,
    );
    return undefined;
  }
  await group.start({
    name: "bots",
    command: node,
    args: [
      "--import",
      "@shop/telemetry/register",
      path.join(env.repoRoot, "e2e/bots/cli.ts"),
      "--url",
      urls.webUrl,
      "--rate",
      String(env.DEMO_BOTS_RATE),
      "--port",
      String(env.DEMO_BOTS_PORT),
    ],
    cwd: path.join(env.repoRoot, "e2e"),
    env: {
      OTEL_SERVICE_NAME: "bots",
      OTEL_EXPORTER_OTLP_ENDPOINT: urls.telemetryUrl,
      CHROMIUM_PATH: env.CHROMIUM_PATH,
      // The scenarios' traffic flag, and the gauges the console shows.
      REDIS_URL: urls.redisUrl,
    },
    ready: (line) => line.includes("bots shopping at"),
  });
  return `http://127.0.0.1:${String(env.DEMO_BOTS_PORT)}`;
}

try {
  const started = performance.now();
  // A missing prerequisite stops the demo before anything starts (nothing half-started to undo).
  if (!env.REDIS_URL) requireRedisServer();
  const [telemetryUrl, databaseUrl, redisUrl] = await Promise.all([
    startTelemetrySink(),
    startDatabase(),
    startRedis(),
  ]);
  const built = buildStorefront();
  // Awaited after the services start; a failed build must not go unhandled meanwhile.
  built.catch(() => undefined);
  await group.start({
    name: "migrate",
    command: node,
    args: [path.join(dbPackage, "src/migrate/cli.ts"), "deploy"],
    env: { DATABASE_URL: databaseUrl },
    oneShot: true,
  });
  if (env.DEMO_SEED === "true") {
    await group.start({
      name: "seed",
      command: node,
      args: [path.join(dbPackage, "src/seed/cli.ts")],
      env: { DATABASE_URL: databaseUrl },
      oneShot: true,
    });
  }
  const services = await startServices({ databaseUrl, redisUrl, telemetryUrl });
  await built;
  const web = await startStorefront({ telemetryUrl, redisUrl, localSink: !env.OTEL_EXPORTER_OTLP_ENDPOINT });
  log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  log(`  shop      ${web}   <- open this`);
  log(
    `  console   ${web}/console?token=${consoleToken}   <- scenarios and flags (npm run scenario -- status)`,
  );
  const bots = await startBots({ webUrl: web, telemetryUrl, redisUrl });
  if (bots) log(`  bots      ${String(env.DEMO_BOTS_RATE)} actions/min; stats ${bots}/stats`);
  log(
    `  telemetry ${telemetryUrl}${env.OTEL_EXPORTER_OTLP_ENDPOINT ? "" : "  (npm run telemetry -- traces)"}`,
  );
  log(`  database  ${databaseUrl}`);
  log(`  redis     ${redisUrl}`);
  for (const [name, url] of Object.entries(services)) log(`  ${name.padEnd(9)} ${url}`);
  log("Ctrl-C stops everything.");
} catch (error) {
  console.error(say(error instanceof Error ? error.message : String(error)));
  await shutdown("start-up failed", 1);
}
