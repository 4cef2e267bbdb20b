// One chaos run: a private PostgreSQL and Redis, the whole demo on them (services restarted by the
// demo when they die, as Kubernetes would), bots and ledger shoppers buying throughout, and the
// faults of the plan one after another. Each fault is measured from the shoppers' side (error
// burst, time to recovery); at the end the invariants are checked in the database.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FlagStore } from "@shop/flags";
import { DEMO_SERVICES, pressCtrlC, startDemo, waitForOutput } from "@shop/local-stack/testing";
import type { DemoProcess } from "@shop/local-stack/testing";
import { freePortBlock } from "@shop/service-kit/testing";
import { Redis } from "ioredis";
import { faultWindow } from "./fault-window.ts";
import type { FaultWindow } from "./fault-window.ts";
import { checkInvariants, waitForSweep } from "./invariants.ts";
import type { InvariantReport } from "./invariants.ts";
import { LedgerShoppers } from "./ledger-shoppers.ts";
import { loadBurst } from "./load-burst.ts";
import type { BurstResult } from "./load-burst.ts";
import { PrivatePostgres, PrivateRedis } from "./private-servers.ts";
import { findProcess, rssMb } from "./process-finder.ts";
import { StorefrontClient } from "./storefront-client.ts";

export type ServiceName = (typeof DEMO_SERVICES)[number][0];

export interface ChaosPlan {
  name: string;
  services: readonly ServiceName[];
  restartRedis: boolean;
  restartPostgres: boolean;
  slowDatabase: boolean;
  shoppers: number;
  bots: boolean;
  botsRate: number;
  /** How long each fault is watched for recovery before it is declared unrecovered. */
  recoveryTimeoutMs: number;
}

export const QUICK_PLAN: ChaosPlan = {
  name: "quick",
  services: ["checkout", "inventory", "catalog"],
  restartRedis: true,
  restartPostgres: true,
  slowDatabase: true,
  shoppers: 3,
  bots: false,
  botsRate: 30,
  recoveryTimeoutMs: 60_000,
};

export const FULL_PLAN: ChaosPlan = {
  name: "full",
  services: DEMO_SERVICES.map(([name]) => name),
  restartRedis: true,
  restartPostgres: true,
  slowDatabase: true,
  shoppers: 4,
  bots: true,
  botsRate: 60,
  recoveryTimeoutMs: 90_000,
};

export interface FaultResult extends FaultWindow {
  fault: string;
  /** ms until the restarted process answered its health check (services). */
  restartedMs?: number;
}

export interface ChaosReport {
  plan: string;
  startedAt: string;
  durationSeconds: number;
  faults: FaultResult[];
  cartsSurvivedRedisRestart?: boolean;
  slowDatabase?: BurstResult & {
    rssBeforeMb: number;
    rssPeakMb: number;
    rssAfterMb: number;
    recoveredMs?: number;
  };
  invariants: InvariantReport;
  sweptInTime: boolean;
  shopperRequests: number;
  unknownOutcomes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(everyMs);
  }
  return false;
}

async function healthy(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  return response.ok;
}

export async function runChaos(plan: ChaosPlan, log: (line: string) => void): Promise<ChaosReport> {
  const startedAt = new Date();
  const dir = await mkdtemp(path.join(tmpdir(), "shop-chaos-"));
  const ports = {
    postgres: await freePortBlock(),
    redis: await freePortBlock(),
    sink: await freePortBlock(),
    services: await freePortBlock(8),
    web: await freePortBlock(),
    bots: await freePortBlock(),
  };
  const postgres = new PrivatePostgres(dir, ports.postgres);
  const redis = new PrivateRedis(dir, ports.redis);
  let demo: DemoProcess | undefined;
  let shoppers: LedgerShoppers | undefined;
  let flags: Redis | undefined;
  try {
    log("starting a private PostgreSQL and Redis (append-only persistence)");
    await postgres.init();
    await redis.start();
    log("starting the demo on them (migrate, seed, services, storefront)");
    demo = startDemo({
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      DEMO_DATA_DIR: dir,
      DEMO_SINK_PORT: String(ports.sink),
      DEMO_SERVICES_PORT: String(ports.services),
      DEMO_WEB_PORT: String(ports.web),
      DEMO_BOTS: plan.bots ? "true" : "false",
      DEMO_BOTS_RATE: String(plan.botsRate),
      DEMO_BOTS_PORT: String(ports.bots),
      DEMO_RESTART_CRASHED: "true",
    });
    await waitForOutput(demo, "Ctrl-C stops everything.", 300_000);
    const webUrl = `http://127.0.0.1:${String(ports.web)}`;
    shoppers = new LedgerShoppers(webUrl, { concurrency: plan.shoppers });
    shoppers.start();
    log(
      `shopping: ${String(plan.shoppers)} ledger shoppers${plan.bots ? ` and bots at ${String(plan.botsRate)}/min` : ""}`,
    );
    await sleep(8_000);

    const faults: FaultResult[] = [];
    const ledger = shoppers;
    const measure = async (fault: string, faultAt: number, extra: Partial<FaultResult> = {}) => {
      await until(
        () => Promise.resolve(faultWindow(ledger.requests, faultAt).recoveryMs !== undefined),
        plan.recoveryTimeoutMs,
        500,
      );
      const window = faultWindow(ledger.requests, faultAt);
      const result = { fault, ...window, ...extra };
      faults.push(result);
      log(
        `${fault}: ${String(window.failures)} failed of ${String(window.requests)} requests, error burst ${String(window.errorBurstMs)} ms, ` +
          `recovered ${window.recoveryMs === undefined ? "NOT within the timeout" : `after ${String(window.recoveryMs)} ms`}` +
          (extra.restartedMs === undefined ? "" : `, restarted after ${String(extra.restartedMs)} ms`),
      );
      await sleep(3_000);
    };

    for (const service of plan.services) {
      const offset = DEMO_SERVICES.find(([name]) => name === service)?.[1] ?? 0;
      const port = ports.services + offset;
      const pid = await findProcess(`apps/services/${service}/src/main.ts`, `PORT=${String(port)}`);
      if (!pid) throw new Error(`no ${service} process on port ${String(port)}`);
      log(`kill -9 ${service} (pid ${String(pid)})`);
      const faultAt = Date.now();
      process.kill(pid, "SIGKILL");
      await until(async () => !(await healthy(`http://127.0.0.1:${String(port)}/healthz`)), 5_000, 50);
      const back = await until(
        () => healthy(`http://127.0.0.1:${String(port)}/readyz`),
        plan.recoveryTimeoutMs,
      );
      await measure(`kill -9 ${service}`, faultAt, back ? { restartedMs: Date.now() - faultAt } : {});
    }

    let cartsSurvived: boolean | undefined;
    if (plan.restartRedis) {
      const keeper = new StorefrontClient(webUrl);
      await keeper.mutate("cart.add", { productId: 1, quantity: 2 });
      log("restarting Redis (SIGTERM, then start on the same data)");
      const faultAt = Date.now();
      await redis.restart();
      await measure("restart Redis", faultAt);
      const cart = await keeper.query<{ lines?: { productId: number; quantity: number }[] }>("cart.get");
      cartsSurvived = cart.data?.lines?.some((line) => line.productId === 1 && line.quantity === 2) ?? false;
      log(`a cart filled before the restart ${cartsSurvived ? "survived it" : "was LOST"}`);
    }

    if (plan.restartPostgres) {
      log("restarting PostgreSQL (fast shutdown: every connection is cut)");
      const faultAt = Date.now();
      await postgres.restart();
      await measure("restart PostgreSQL", faultAt);
    }

    let slowDatabase: ChaosReport["slowDatabase"];
    if (plan.slowDatabase) {
      flags = new Redis(redis.url);
      const store = new FlagStore(flags);
      const catalogPid = await findProcess(
        "apps/services/catalog/src/main.ts",
        `PORT=${String(ports.services)}`,
      );
      const rssBeforeMb = (catalogPid ? await rssMb(catalogPid) : undefined) ?? 0;
      log(
        "slow database: db.pool_exhaustion and cache.disabled on, a burst of 40 concurrent catalog readers for 20 s",
      );
      await store.set("cache.disabled", true, { setBy: "chaos", ttlMs: 120_000 });
      await store.set(
        "db.pool_exhaustion",
        { heldShare: 0.8, holdMs: 300 },
        { setBy: "chaos", ttlMs: 120_000 },
      );
      await sleep(1_500);
      let rssPeakMb = rssBeforeMb;
      const sampler = setInterval(() => {
        if (!catalogPid) return;
        void rssMb(catalogPid).then((mb) => {
          if (mb !== undefined) rssPeakMb = Math.max(rssPeakMb, mb);
        });
      }, 500);
      const burst = await loadBurst(webUrl, { concurrency: 40, durationMs: 20_000 });
      clearInterval(sampler);
      const faultAt = Date.now();
      await store.clear("db.pool_exhaustion", "cache.disabled");
      const probe = new StorefrontClient(webUrl);
      const recovered = await until(
        async () => (await probe.query("catalog.list", { limit: 24 })).ok,
        30_000,
        250,
      );
      const rssAfterMb = (catalogPid ? await rssMb(catalogPid) : undefined) ?? 0;
      slowDatabase = {
        ...burst,
        rssBeforeMb: Math.round(rssBeforeMb),
        rssPeakMb: Math.round(rssPeakMb),
        rssAfterMb: Math.round(rssAfterMb),
        ...(recovered ? { recoveredMs: Date.now() - faultAt } : {}),
      };
      log(
        `slow database: ${String(burst.requests)} requests, ${String(burst.ok)} ok, ${String(burst.shed503)} shed with 503 ` +
          `(${String(burst.shedWithRetryAfter)} with Retry-After), ${String(burst.otherErrors)} other errors, p99 ${String(burst.p99Ms)} ms; ` +
          `catalog RSS ${String(slowDatabase.rssBeforeMb)} -> peak ${String(slowDatabase.rssPeakMb)} MB`,
      );
    }

    log("stopping the shoppers; waiting for the sweepers, then checking the invariants");
    await shoppers.stop();
    await sleep(2_000);
    const sweptInTime = await waitForSweep(postgres.url, 30_000);
    const invariants = await checkInvariants(postgres.url, shoppers.acknowledged, shoppers.unknownOutcomes);
    return {
      plan: plan.name,
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      faults,
      ...(cartsSurvived === undefined ? {} : { cartsSurvivedRedisRestart: cartsSurvived }),
      ...(slowDatabase ? { slowDatabase } : {}),
      invariants,
      sweptInTime,
      shopperRequests: shoppers.requests.length,
      unknownOutcomes: shoppers.unknownOutcomes.length,
    };
  } finally {
    await shoppers?.stop();
    flags?.disconnect();
    if (demo) {
      try {
        pressCtrlC(demo);
      } catch {
        // Already gone.
      }
      await Promise.race([demo.exited, sleep(20_000)]);
    }
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
