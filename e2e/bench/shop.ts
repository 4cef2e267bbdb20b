// The whole shop for a benchmark, started exactly like the browser tests start it (see
// test/global-setup.ts): `npm run demo` as a child on a scratch PostgreSQL database and free ports.
// `stop()` Ctrl-C's it, kills what is left of its database and Redis, and drops the database; it
// is safe to call at any time (also while the shop is still starting) and more than once.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase } from "@shop/db/migrate";
import { testEnv } from "@shop/db/testing";
import { startDemo, stopDemo, waitForOutput } from "@shop/local-stack/testing";
import { freePortBlock } from "@shop/service-kit/testing";

export interface ShopUrls {
  webUrl: string;
  sinkUrl: string;
  databaseUrl: string;
  /** Seconds from starting the demo to "Ctrl-C stops everything". */
  startSeconds: number;
}

export interface BenchShop {
  /** Resolves once the demo printed "Ctrl-C stops everything"; rejects if it could not start. */
  ready: Promise<ShopUrls>;
  stop: () => Promise<void>;
}

export async function launchShop(prefix = "shop_bench"): Promise<BenchShop> {
  const database = await createScratchDatabase(testEnv().TEST_DATABASE_URL, prefix);
  let dataDir: string | undefined;
  let demo: ReturnType<typeof startDemo> | undefined;
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
    dataDir = await mkdtemp(path.join(tmpdir(), "shop-bench-"));
    const ports = {
      DEMO_REDIS_PORT: String(await freePortBlock()),
      DEMO_SINK_PORT: String(await freePortBlock()),
      DEMO_SERVICES_PORT: String(await freePortBlock(8)),
      DEMO_WEB_PORT: String(await freePortBlock()),
    };
    const started = performance.now();
    const running = startDemo({
      ...ports,
      DATABASE_URL: database.url,
      DEMO_DATA_DIR: dataDir,
      DEMO_BOTS: "false",
    });
    demo = running;
    const ready = waitForOutput(running, "Ctrl-C stops everything", 400_000).then(() => ({
      webUrl: `http://127.0.0.1:${ports.DEMO_WEB_PORT}`,
      sinkUrl: `http://127.0.0.1:${ports.DEMO_SINK_PORT}`,
      databaseUrl: database.url,
      startSeconds: (performance.now() - started) / 1000,
    }));
    return { ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
