// `npm run bench`: the whole-system benchmark. Starts the shop like `npm run demo` (or measures a
// running one with --url), runs every benchmark in turn with progress lines, prints a table and
// writes .bench-results/system-<timestamp>.json and .md. Sections, in order:
//   cold start   spawning the demo -> first 200 of a product page (seeded database; and the
//                first start on an empty database, migrate + seed included)
//   storefront   req/s and p50/p95/p99 of the product page and the catalog API, telemetry on vs off
//   checkout     p50/p95 of placeOrder under concurrency
//   database     p95 of catalog listings and searches with and without db.missing_index
//   footprint    RSS of every process of the demo at normal-day traffic with N browser sessions
//   bots         actions/min per core and MB per session, flat out
//   tRPC overhead  packages/telemetry's own on/off bench, run after the shop is stopped
// A section that cannot run says "not measured" and why; the others still run.
//   node packages/bench/src/cli.ts [--url http://127.0.0.1:3000] [--skip database,bots]
import os from "node:os";
import { parseArgs } from "node:util";
import { catalogFixtures } from "./catalog-fixtures.ts";
import type { CatalogFixtures } from "./catalog-fixtures.ts";
import { checkoutBench } from "./checkout-bench.ts";
import { stopAllChildren } from "./child-process.ts";
import { databaseBench } from "./database-bench.ts";
import { benchEnv, inheritedEnv } from "./env.ts";
import { footprintBench } from "./footprint-bench.ts";
import { machineInfo } from "./machine.ts";
import { notMeasured, summaryText, writeReport } from "./report.ts";
import type { BenchReport, Figure } from "./report.ts";
import { SECTIONS, parseSkip } from "./sections.ts";
import { webVitalsBench } from "./web-vitals-bench.ts";
import type { Section } from "./sections.ts";
import { startStack } from "./stack.ts";
import type { Stack } from "./stack.ts";
import { startStorefrontWithoutTelemetry } from "./storefront-process.ts";
import { throughputBench } from "./throughput-bench.ts";
import { trpcOverheadBench } from "./trpc-overhead.ts";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    skip: { type: "string", default: "" },
    help: { type: "boolean", short: "h" },
  },
});
if (args.help) {
  console.log(`npm run bench -- [--url <storefront of a running stack>] [--skip <${SECTIONS.join(",")}>]
Settings (BENCH_* variables): see packages/bench/src/env.ts.`);
  process.exit(0);
}
const env = benchEnv();
const skip = parseSkip(args.skip);
const childEnv = inheritedEnv();
const startedAt = new Date();
const loadAverageAtStart = os.loadavg();
const figures: Figure[] = [];
const details: Record<string, unknown> = {};
const warnings: string[] = [];
const progress = (line: string) => {
  process.stderr.write(
    `[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}\n`,
  );
};

type Target = Omit<
  Stack,
  "stop" | "demoPid" | "coldStartSeconds" | "firstStartSeconds" | "buildWasCurrent" | "productPath"
> & {
  demoPid: number | undefined;
};

let stack: Stack | undefined;
let cleaning: Promise<void> | undefined;
const cleanUp = () => {
  cleaning ??= (async () => {
    await stopAllChildren();
    await stack?.stop();
  })();
  return cleaning;
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping everything the bench started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Runs one section; a failure becomes a "not measured" line instead of ending the run. */
async function section(
  name: Section,
  run: () => Promise<{ figures: Figure[]; details: Record<string, unknown> }>,
): Promise<void> {
  if (skip.has(name)) {
    figures.push(notMeasured(name, "(section)", "", "skipped (--skip)"));
    return;
  }
  progress(`${name}...`);
  const started = performance.now();
  try {
    const result = await run();
    figures.push(...result.figures);
    details[name] = result.details;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    figures.push(notMeasured(name, "(section)", "", message.slice(0, 300)));
    warnings.push(`${name}: ${message.slice(0, 2000)}`);
  }
  progress(`${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function buildNote(current: boolean): string {
  return current
    ? "the storefront build was already current (no build in this figure)"
    : "the storefront's sources had changed, so it was BUILT during this start (figure includes the build)";
}

function runningTarget(webUrl: string): Target {
  return {
    webUrl: webUrl.replace(/\/$/, ""),
    sinkUrl: env.BENCH_SINK_URL,
    databaseUrl: env.BENCH_DATABASE_URL,
    redisUrl: env.BENCH_REDIS_URL,
    servicesPort: env.BENCH_SERVICES_PORT,
    catalogUrl: `http://127.0.0.1:${String(env.BENCH_SERVICES_PORT)}`,
    demoPid: undefined,
  };
}

try {
  let target: Target;
  if (args.url) {
    target = runningTarget(args.url);
    figures.push(
      notMeasured(
        "cold start",
        "demo start to first product page",
        "s",
        `a running stack was measured (--url ${args.url})`,
      ),
    );
  } else {
    progress("cold start: starting the demo twice (scratch database, free ports, no bots)...");
    stack = await startStack({ serverUrl: env.TEST_DATABASE_URL, progress });
    target = stack;
    const spawnTo = `from spawning \`npm run demo\`'s script (startDemo: scratch database on the system PostgreSQL, private Redis, sink, 8 services, next start, no bots) to the first HTTP 200 of ${stack.productPath} (polled every 100 ms)`;
    figures.push(
      {
        section: "cold start",
        name: "demo start to first product page",
        value: stack.coldStartSeconds,
        unit: "s",
        how: `${spawnTo}, stopped (Ctrl-C) and started again on the seeded database; ${buildNote(stack.buildWasCurrent.coldStart)}`,
      },
      {
        section: "cold start",
        name: "first start (empty database)",
        value: stack.firstStartSeconds,
        unit: "s",
        how:
          `${spawnTo}, on an empty database: migrations and the seed (catalog + order history) included; ` +
          buildNote(stack.buildWasCurrent.firstStart),
      },
    );
    progress(`cold start: ${stack.coldStartSeconds.toFixed(1)} s`);
  }
  const machine = await machineInfo({
    databaseUrl: target.databaseUrl,
    redisUrl: target.redisUrl,
    chromiumPath: env.CHROMIUM_PATH,
    loadAverageAtStart,
  });
  const fixtures: CatalogFixtures = await catalogFixtures(target.databaseUrl);
  const productPath = stack?.productPath ?? "/";
  const category = fixtures.categorySlugs[0] ?? "kitchen";

  await section("storefront", async () => {
    const off = await startStorefrontWithoutTelemetry({
      repoRoot: env.repoRoot,
      servicesPort: target.servicesPort,
      env: childEnv,
    });
    try {
      return await throughputBench({
        onUrl: target.webUrl,
        offUrl: off.url,
        targets: [
          { label: "product page", path: productPath },
          {
            label: "catalog API",
            path: `/api/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ json: { category } }))}`,
          },
        ],
        rounds: env.BENCH_HTTP_ROUNDS,
        seconds: env.BENCH_HTTP_SECONDS,
        connections: env.BENCH_HTTP_CONNECTIONS,
        progress,
      });
    } finally {
      await off.process.stop();
    }
  });
  await section("checkout", () =>
    checkoutBench({
      webUrl: target.webUrl,
      productIds: fixtures.stockedProductIds,
      shoppers: env.BENCH_CHECKOUT_SHOPPERS,
      seconds: env.BENCH_CHECKOUT_SECONDS,
      progress,
    }),
  );
  await section("database", () =>
    databaseBench({
      catalogUrl: target.catalogUrl,
      databaseUrl: target.databaseUrl,
      redisUrl: target.redisUrl,
      categories: fixtures.categorySlugs,
      words: fixtures.searchWords,
      seconds: env.BENCH_DB_SECONDS,
      concurrency: env.BENCH_DB_CONCURRENCY,
      progress,
    }),
  );
  await section("footprint", () => {
    if (target.demoPid === undefined)
      throw new Error("a running stack's processes are not ours to find (--url)");
    return footprintBench({
      repoRoot: env.repoRoot,
      env: childEnv,
      webUrl: target.webUrl,
      sinkUrl: target.sinkUrl,
      databaseUrl: target.databaseUrl,
      demoPid: target.demoPid,
      chromiumPath: env.CHROMIUM_PATH,
      sessions: env.BENCH_BOT_SESSIONS,
      footprintSeconds: env.BENCH_FOOTPRINT_SECONDS,
      botsSeconds: env.BENCH_BOTS_SECONDS,
      progress,
    });
  });
  progress("stopping the demo...");
  await stack?.stop();
  await section("trpc", () => trpcOverheadBench({ repoRoot: env.repoRoot, env: childEnv }));
  await section("web-vitals", () => webVitalsBench({ repoRoot: env.repoRoot, env: childEnv }));

  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    settings: {
      target: args.url ?? "demo started by the bench",
      skipped: [...skip],
      httpRounds: env.BENCH_HTTP_ROUNDS,
      httpSeconds: env.BENCH_HTTP_SECONDS,
      httpConnections: env.BENCH_HTTP_CONNECTIONS,
      checkoutShoppers: env.BENCH_CHECKOUT_SHOPPERS,
      checkoutSeconds: env.BENCH_CHECKOUT_SECONDS,
      databaseSeconds: env.BENCH_DB_SECONDS,
      databaseConcurrency: env.BENCH_DB_CONCURRENCY,
      botSessions: env.BENCH_BOT_SESSIONS,
      footprintSeconds: env.BENCH_FOOTPRINT_SECONDS,
      botsSeconds: env.BENCH_BOTS_SECONDS,
      percentiles: "nearest-rank",
      loadAverageAtEnd: os.loadavg(),
    },
    figures,
    details,
    warnings,
  };
  const written = await writeReport(env.BENCH_RESULTS_DIR, report);
  process.stdout.write(`\n${summaryText(report)}\n\nreport: ${written.json}\n        ${written.markdown}\n`);
} catch (error) {
  progress(
    `the bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await cleanUp();
}
