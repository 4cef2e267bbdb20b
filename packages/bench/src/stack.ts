// The shop under test: `npm run demo` started as a child exactly like the browser tests start it
// (test/global-setup.ts in e2e): a scratch database on the system PostgreSQL, a private Redis, the
// telemetry sink, every service and the storefront's production build, on free ports, no bots.
// Started twice: first on an empty database (migrate + seed: a newcomer's first run), then
// Ctrl-C'd and started again on the seeded database: the cold start, from spawning the demo to
// the first 200 of a product page.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase } from "@shop/db/migrate";
import { startDemo, stopDemo, waitForOutput } from "@shop/local-stack/testing";
import type { DemoProcess } from "@shop/local-stack/testing";
import { freePortBlock } from "@shop/service-kit/testing";
import pg from "pg";

export interface Stack {
  webUrl: string;
  sinkUrl: string;
  databaseUrl: string;
  redisUrl: string;
  /** The first service's port (catalog); the others follow in the demo's order. */
  servicesPort: number;
  catalogUrl: string;
  /** A product page every section can load. */
  productPath: string;
  demoPid: number;
  /** Spawn to first product page on an empty database (migrate + seed included). */
  firstStartSeconds: number;
  /** Spawn to first product page again, stopped and restarted on the seeded database. */
  coldStartSeconds: number;
  /** False for a start that had to build the storefront first (its figure includes the build). */
  buildWasCurrent: { firstStart: boolean; coldStart: boolean };
  stop: () => Promise<void>;
}

const POLL_MS = 100;
const START_TIMEOUT_MS = 600_000;

async function firstProductSlug(databaseUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ slug: string }>("select slug from products order by slug limit 1");
    return rows[0]?.slug;
  } catch {
    // Not migrated or seeded yet.
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function startStack(options: {
  serverUrl: string;
  progress: (line: string) => void;
}): Promise<Stack> {
  const database = await createScratchDatabase(options.serverUrl, "shop_bench_system");
  let dataDir: string | undefined;
  let demo: DemoProcess | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (dataDir) {
        if (demo) await stopDemo(demo, dataDir);
        await rm(dataDir, { recursive: true, force: true });
      }
      await database.drop();
    })();
    return stopping;
  };
  try {
    dataDir = await mkdtemp(path.join(tmpdir(), "shop-bench-system-"));
    const ports = {
      redis: await freePortBlock(),
      sink: await freePortBlock(),
      services: await freePortBlock(8),
      web: await freePortBlock(),
    };
    const webUrl = `http://127.0.0.1:${String(ports.web)}`;
    const demoEnv = {
      DEMO_REDIS_PORT: String(ports.redis),
      DEMO_SINK_PORT: String(ports.sink),
      DEMO_SERVICES_PORT: String(ports.services),
      DEMO_WEB_PORT: String(ports.web),
      DATABASE_URL: database.url,
      DEMO_DATA_DIR: dataDir,
      DEMO_BOTS: "false",
    };
    let slug: string | undefined;
    /** Starts the demo: seconds to the first 200 of a product page, and whether it had to build. */
    const launch = async (label: string): Promise<{ seconds: number; buildWasCurrent: boolean }> => {
      const started = performance.now();
      const running = startDemo(demoEnv);
      demo = running;
      let lastProgress = 0;
      for (;;) {
        if (running.child.exitCode !== null) throw new Error(`the demo exited early:\n${running.output()}`);
        const elapsed = performance.now() - started;
        if (elapsed > START_TIMEOUT_MS) throw new Error(`the demo did not serve a product page in time`);
        slug ??= await firstProductSlug(database.url);
        if (slug && (await answers200(`${webUrl}/p/${slug}`))) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (elapsed - lastProgress > 10_000) {
          lastProgress = elapsed;
          const lastLine = running.output().trimEnd().split("\n").at(-1) ?? "";
          options.progress(`  ${label} (${(elapsed / 1000).toFixed(0)} s): ${lastLine.slice(0, 110)}`);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      await waitForOutput(running, "Ctrl-C stops everything", 60_000);
      return { seconds, buildWasCurrent: running.output().includes("storefront build is up to date") };
    };
    // First start: an empty database, so it migrates and seeds (what a newcomer's first
    // `npm run demo` does). Then Ctrl-C and start again on the seeded database: the cold start.
    const firstStart = await launch("first start");
    const firstStartSeconds = firstStart.seconds;
    options.progress(
      `  first start (empty database): ${firstStartSeconds.toFixed(1)} s; stopping for a cold start...`,
    );
    const first = demo;
    if (first) await stopDemo(first, dataDir);
    const coldStart = await launch("cold start");
    const coldStartSeconds = coldStart.seconds;
    const running = demo;
    return {
      webUrl,
      sinkUrl: `http://127.0.0.1:${String(ports.sink)}`,
      databaseUrl: database.url,
      redisUrl: `redis://127.0.0.1:${String(ports.redis)}`,
      servicesPort: ports.services,
      catalogUrl: `http://127.0.0.1:${String(ports.services)}`,
      productPath: `/p/${slug ?? ""}`,
      demoPid: running?.child.pid ?? 0,
      firstStartSeconds,
      coldStartSeconds,
      buildWasCurrent: { firstStart: firstStart.buildWasCurrent, coldStart: coldStart.buildWasCurrent },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
