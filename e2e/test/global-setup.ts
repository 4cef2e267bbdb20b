// The whole shop for the browser tests, started the way a person starts it (`npm run demo`): a
// scratch PostgreSQL database of this run, a private Redis, the telemetry sink, every service and
// the storefront's production build, on free ports. Ctrl-C'd at the end; the database dropped.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase } from "@shop/db/migrate";
import { testEnv } from "@shop/db/testing";
import { startDemo, stopDemo, waitForOutput } from "@shop/local-stack/testing";
import { freePortBlock } from "@shop/service-kit/testing";
import { e2eEnv } from "../src/env.ts";

declare module "vitest" {
  export interface ProvidedContext {
    webUrl: string;
    sinkUrl: string;
    databaseUrl: string;
    /** The first backend service's port (catalog); the others follow in the demo's order. */
    servicesPort: number;
    /** The presenter console's token for this run (the demo's CONSOLE_TOKEN). */
    consoleToken: string;
    /** The demo's private Redis (flags, scenarios): what the Black Friday test conducts through. */
    redisUrl: string;
  }
}

interface Project {
  provide(key: "webUrl" | "sinkUrl" | "databaseUrl" | "consoleToken" | "redisUrl", value: string): void;
  provide(key: "servicesPort", value: number): void;
}

export default async function setup(project: Project) {
  const database = await createScratchDatabase(testEnv().TEST_DATABASE_URL, "shop_e2e");
  const dataDir = await mkdtemp(path.join(tmpdir(), "shop-e2e-"));
  const ports = {
    DEMO_REDIS_PORT: String(await freePortBlock()),
    DEMO_SINK_PORT: String(await freePortBlock()),
    DEMO_SERVICES_PORT: String(await freePortBlock(8)),
    DEMO_WEB_PORT: String(await freePortBlock()),
  };
  const consoleToken = randomBytes(24).toString("base64url");
  const metricInterval = e2eEnv().E2E_METRIC_EXPORT_INTERVAL_MS;
  // No bots: each test drives its own browser, and the bot tests start their own fleet.
  const demo = startDemo({
    CONSOLE_TOKEN: consoleToken,
    ...ports,
    DATABASE_URL: database.url,
    DEMO_DATA_DIR: dataDir,
    DEMO_BOTS: "false",
    // Tests sell products out by hand (checkout outcomes): no delivery may refill one meanwhile.
    INVENTORY_RESTOCK_INTERVAL_MS: "86400000",
    // The acceptance run's time-scaled alert windows are seconds long: it asks for metrics every
    // second instead of every minute (E2E_METRIC_EXPORT_INTERVAL_MS).
    ...(metricInterval === undefined ? {} : { OTEL_METRIC_EXPORT_INTERVAL: String(metricInterval) }),
  });
  const stop = async () => {
    await stopDemo(demo, dataDir);
    await rm(dataDir, { recursive: true, force: true });
    await database.drop();
  };
  try {
    const started = performance.now();
    await waitForOutput(demo, "Ctrl-C stops everything", 400_000);
    console.log(`shop ready for the browser tests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("webUrl", `http://127.0.0.1:${ports.DEMO_WEB_PORT}`);
  project.provide("sinkUrl", `http://127.0.0.1:${ports.DEMO_SINK_PORT}`);
  project.provide("databaseUrl", database.url);
  project.provide("servicesPort", Number(ports.DEMO_SERVICES_PORT));
  project.provide("consoleToken", consoleToken);
  project.provide("redisUrl", `redis://127.0.0.1:${ports.DEMO_REDIS_PORT}`);
  return stop;
}
