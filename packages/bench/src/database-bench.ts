// The catalog's main queries against PostgreSQL, with and without the db.missing_index failure
// mode: p50/p95 of listings and searches called on the catalog service's own tRPC endpoint, with
// cache.disabled on so every call reaches the database. Each listing carries a price floor no
// other call used, so not even a catalog that ignores cache.disabled could answer it from Redis.
// The flag's effect is checked, not assumed: the shop's schema must lose an index (the catalog
// picks which: the one its listings lean on) within a few seconds of the flag, or the section says
// it was not measured. Flags are cleared at the end,
// whatever happens.
import { FlagStore } from "@shop/flags";
import { Redis } from "ioredis";
import pg from "pg";
import type { Figure } from "./report.ts";
import { notMeasured } from "./report.ts";
import { percentiles } from "./stats.ts";
import { TrpcHttpClient } from "./trpc-http.ts";

const SECTION = "database";
const FLAG_TTL_MS = 10 * 60_000;
const SETTLE_MS = 1_500;
const SORTS = ["popular", "price_asc", "newest", "rating"] as const;

async function schemaIndexes(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ indexname: string }>(
      "select indexname from pg_indexes where schemaname = current_schema() order by indexname",
    );
    return rows.map((row) => row.indexname);
  } finally {
    await client.end();
  }
}

async function waitForIndexes(
  databaseUrl: string,
  accept: (indexes: string[]) => boolean,
  timeoutMs: number,
): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (accept(await schemaIndexes(databaseUrl))) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

interface PhaseResult {
  list: number[];
  search: number[];
  failures: number;
}

// Counters shared by every caller of both phases: no two listings ask the same question (up to
// categories x sorts x 100 price floors), and searches go round the words and page sizes.
const calls = { list: 0, search: 0 };

async function phase(options: {
  catalogUrl: string;
  categories: string[];
  words: string[];
  seconds: number;
  concurrency: number;
}): Promise<PhaseResult> {
  const result: PhaseResult = { list: [], search: [], failures: 0 };
  const deadline = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      const catalog = new TrpcHttpClient(options.catalogUrl);
      for (let i = worker; performance.now() < deadline; i++) {
        const searching = i % 2 === 1;
        const t0 = performance.now();
        try {
          if (searching) {
            const n = calls.search++;
            await catalog.query("search", {
              query: options.words[n % options.words.length] ?? "lamp",
              limit: 1 + (Math.floor(n / options.words.length) % 48),
            });
          } else {
            const n = calls.list++;
            const categories = options.categories.length;
            await catalog.query("products", {
              category: options.categories[n % categories],
              sort: SORTS[Math.floor(n / categories) % SORTS.length],
              // A few cents: no product is that cheap, so the answer is the category's full listing.
              minPriceMinor: Math.floor(n / (categories * SORTS.length)) % 100,
              limit: 24,
            });
          }
          (searching ? result.search : result.list).push(performance.now() - t0);
        } catch {
          result.failures++;
        }
      }
    }),
  );
  return result;
}

export async function databaseBench(options: {
  catalogUrl: string;
  databaseUrl: string;
  redisUrl: string;
  categories: string[];
  words: string[];
  seconds: number;
  concurrency: number;
  progress: (line: string) => void;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  const flags = new FlagStore(redis);
  const run = (label: string) => {
    options.progress(`  database: ${label}, ${String(options.seconds)} s...`);
    return phase(options);
  };
  try {
    await flags.set("cache.disabled", true, { setBy: "bench", ttlMs: FLAG_TTL_MS });
    // Flags reach every process within a second (pub/sub); nothing outside the catalog shows
    // that its cache is off, so give it that second.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const indexesBefore = await schemaIndexes(options.databaseUrl);
    const off = await run("db.missing_index off");
    await flags.set("db.missing_index", true, { setBy: "bench", ttlMs: FLAG_TTL_MS });
    const droppedAfter = await waitForIndexes(
      options.databaseUrl,
      (indexes) => indexes.length < indexesBefore.length,
      15_000,
    );
    const offStats = { list: percentiles(off.list), search: percentiles(off.search) };
    const how = (flag: string) =>
      `catalog service's tRPC endpoint called directly, ${String(options.concurrency)} concurrent callers for ` +
      `${String(options.seconds)} s alternating listings (category x sort, each with a fresh price floor) and ` +
      `searches (product-name words), cache.disabled on, db.missing_index ${flag}; latency as the caller sees it`;
    const figures: Figure[] = [
      {
        section: SECTION,
        name: "catalog listing p95, index present",
        value: offStats.list.p95,
        unit: "ms",
        how: how("off"),
      },
      {
        section: SECTION,
        name: "catalog search p95, index present",
        value: offStats.search.p95,
        unit: "ms",
        how: how("off"),
      },
    ];
    if (droppedAfter === undefined) {
      figures.push(
        notMeasured(
          SECTION,
          "catalog listing p95, index missing",
          "ms",
          "the catalog did not drop an index within 15 s of db.missing_index (its reconciler is not in this build)",
        ),
        notMeasured(SECTION, "catalog search p95, index missing", "ms", "as above"),
      );
      return { figures, details: { off: { ...offStats, failures: off.failures } } };
    }
    const indexesDuring = await schemaIndexes(options.databaseUrl);
    const dropped = indexesBefore.filter((name) => !indexesDuring.includes(name));
    options.progress(`  database: ${dropped.join(", ")} dropped ${droppedAfter.toFixed(1)} s after the flag`);
    const on = await run("db.missing_index on");
    await flags.clear("db.missing_index");
    const restoredAfter = await waitForIndexes(
      options.databaseUrl,
      (indexes) => indexesBefore.every((name) => indexes.includes(name)),
      120_000,
    );
    const onStats = { list: percentiles(on.list), search: percentiles(on.search) };
    figures.push(
      {
        section: SECTION,
        name: "catalog listing p95, index missing",
        value: onStats.list.p95,
        unit: "ms",
        how: how(`on (${dropped.join(", ")} dropped)`),
      },
      {
        section: SECTION,
        name: "catalog search p95, index missing",
        value: onStats.search.p95,
        unit: "ms",
        how: how(`on (${dropped.join(", ")} dropped)`),
      },
      {
        section: SECTION,
        name: "index dropped after the flag",
        value: droppedAfter,
        unit: "s",
        how: "from FlagStore.set to pg_indexes showing fewer indexes in the schema (polled every 200 ms)",
      },
      restoredAfter === undefined
        ? notMeasured(SECTION, "index restored after clearing the flag", "s", "not restored within 120 s")
        : {
            section: SECTION,
            name: "index restored after clearing the flag",
            value: restoredAfter,
            unit: "s",
            how: "from FlagStore.clear to pg_indexes showing every index again (polled every 200 ms)",
          },
    );
    return {
      figures,
      details: {
        dropped,
        off: { ...offStats, failures: off.failures },
        on: { ...onStats, failures: on.failures },
      },
    };
  } finally {
    await flags.clear("db.missing_index", "cache.disabled").catch(() => undefined);
    redis.disconnect();
  }
}
