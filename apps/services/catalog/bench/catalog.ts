// npm run bench (catalog part): p50/p95 and throughput at concurrency 10 of the catalog service
// as it runs in the shop (its own process, telemetry on, exporting to a discarding receiver), on
// a freshly migrated and fully seeded database of its own:
//   listing, cache warm   the same listing again and again (Redis hits)
//   listing, cache cold   a different price filter every time (every request misses, SQL runs)
//   product page          random products (cached product + live stock query)
//   search                typo-tolerant search, random queries
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createDbClient } from "@shop/db";
import { createScratchDatabase, deployMigrations } from "@shop/db/migrate";
import { seedDatabase } from "@shop/db/seed";
import { testEnv } from "@shop/db/testing";
import { formatResult, runLoad } from "@shop/load";

const DURATION_MS = Number(process.argv[2] ?? 5_000);
const CONCURRENCY = 10;
const QUERIES = ["headphones", "kettle", "backpak", "yoga mat", "coffee grinder", "tent", "puzzle", "lamp"];

const database = await createScratchDatabase(testEnv().TEST_DATABASE_URL, "shop_bench");
const receiver = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": request.headers["content-type"] ?? "application/x-protobuf" });
    response.end();
  });
});
let child: ReturnType<typeof spawn> | undefined;
try {
  await deployMigrations({ connectionString: database.url, engine: "wasm" });
  const db = createDbClient({ connectionString: database.url, poolMax: 2 });
  const seeded = performance.now();
  await seedDatabase(db, { anchorDate: new Date().toISOString().slice(0, 10) });
  const slugs = (await db.product.findMany({ select: { slug: true } })).map((p) => p.slug);
  await db.$disconnect();
  console.log(`seeded a database of its own in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  child = spawn(process.execPath, ["--import", "@shop/telemetry/register", "src/main.ts"], {
    cwd: path.join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      CATALOG_CACHE_PREFIX: `catalog-bench-${String(process.pid)}`,
      OTEL_SERVICE_NAME: "catalog",
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${String((receiver.address() as AddressInfo).port)}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${String(port)}`;
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const get = async (procedure: string, input: unknown) => {
    const response = await fetch(
      `${url}/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    );
    await response.arrayBuffer();
    return response.ok;
  };
  const pick = <T>(items: T[], i: number) => items[i % items.length] as T;

  console.log(`catalog service, concurrency ${String(CONCURRENCY)}, ${String(DURATION_MS)} ms each`);
  const scenarios: [string, (worker: number, i: number) => Promise<boolean>][] = [
    ["listing, cache warm", () => get("products", { category: "kitchen", sort: "popular", limit: 24 })],
    [
      "listing, cache cold",
      (w, i) => get("products", { sort: "popular", limit: 24, maxPriceMinor: 100_000 + w * 100_000 + i }),
    ],
    ["product page", (w, i) => get("product", { slug: pick(slugs, w * 7919 + i * 31) })],
    ["search", (w, i) => get("search", { query: pick(QUERIES, w + i) })],
  ];
  for (const [label, request] of scenarios) {
    await runLoad({ concurrency: CONCURRENCY, durationMs: 500, request });
    console.log(
      formatResult(label, await runLoad({ concurrency: CONCURRENCY, durationMs: DURATION_MS, request })),
    );
  }
} finally {
  child?.kill("SIGTERM");
  receiver.close();
  await database.drop();
}
