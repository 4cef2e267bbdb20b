// The seed against a real PostgreSQL: volume, data quality, idempotence and determinism.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDbClient } from "../client.ts";
import type { DbClient } from "../client.ts";
import { deployMigrations } from "../migrate/deploy.ts";
import { packageRoot } from "../migrate/migrations-directory.ts";
import { createScratchDatabase } from "../migrate/scratch-database.ts";
import { testEnv } from "../testing/test-env.ts";
import { catalog } from "./catalog/index.ts";
import { countRows, seedDatabase } from "./seed.ts";

const anchorDate = "2026-11-26";

const TABLES = [
  "categories",
  "products",
  "inventory",
  "customers",
  "orders",
  "order_items",
  "payments",
  "shipments",
];

/**
 * One md5 per table over all its rows, in a stable order. `volatile` lists columns left out:
 * what the database fills in at insert time (random UUIDs, now()), which a second database
 * cannot share.
 */
async function digest(
  db: DbClient,
  volatile: Record<string, string[]> = {},
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const dropped = (volatile[table] ?? []).map((column) => ` - '${column}'`).join("");
    const rows = await db.$queryRawUnsafe<{ md5: string }[]>(
      `select md5(coalesce(string_agg(j::text, '|' order by j::text), '')) as md5
         from (select to_jsonb(t)${dropped} as j from ${table} t) rows`,
    );
    out[table] = rows[0]?.md5 ?? "";
  }
  return out;
}

describe("db:seed", () => {
  let db: DbClient;
  let firstRunMs = 0;
  beforeAll(async () => {
    db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 2 });
    const started = performance.now();
    await seedDatabase(db, { anchorDate });
    firstRunMs = performance.now() - started;
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("creates the catalog and a history with real volume", async () => {
    const counts = await countRows(db);
    expect(counts.categories).toBeGreaterThanOrEqual(8);
    expect(counts.products).toBeGreaterThanOrEqual(120);
    expect(counts.inventory).toBe(counts.products);
    expect(counts.customers).toBeGreaterThanOrEqual(500);
    expect(counts.orders).toBeGreaterThanOrEqual(20_000);
    expect(counts.orderItems).toBeGreaterThan(counts.orders);
    console.log(`seeded in ${(firstRunMs / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  });

  it("spreads orders over the last 90 days, with a few declined payments", async () => {
    const [span] = await db.$queryRaw<{ first: Date; last: Date; days: bigint }[]>`
      select min(created_at) as first, max(created_at) as last,
             count(distinct date_trunc('day', created_at)) as days from orders`;
    const end = new Date(`${anchorDate}T00:00:00Z`).getTime();
    expect(span?.last.getTime()).toBeLessThan(end);
    expect(span?.first.getTime()).toBeGreaterThanOrEqual(end - 90 * 86_400_000);
    expect(Number(span?.days)).toBe(90);
    const declined = await db.payment.count({ where: { status: { in: ["DECLINED", "FAILED"] } } });
    const all = await db.payment.count();
    expect(declined / all).toBeGreaterThan(0.01);
    expect(declined / all).toBeLessThan(0.1);
    expect(await db.payment.count({ where: { status: "DECLINED", orderId: { not: null } } })).toBe(0);
  });

  it("keeps order totals equal to the sum of their items (plus shipping)", async () => {
    const mismatches = await db.$queryRaw<{ number: string }[]>`
      select o.number from orders o join order_items i on i.order_id = o.id
      group by o.id having o.subtotal_minor <> sum(i.line_total_minor)
                       or o.total_minor <> sum(i.line_total_minor) + o.shipping_minor
                       or sum(i.line_total_minor) <> sum(i.unit_price_minor * i.quantity)`;
    expect(mismatches).toEqual([]);
    expect(await db.order.count({ where: { items: { none: {} } } })).toBe(0);
    const unpaid = await db.$queryRaw<{ n: bigint }[]>`
      select count(*) as n from orders o left join payments p on p.order_id = o.id
      where p.id is null or p.amount_minor <> o.total_minor`;
    expect(Number(unpaid[0]?.n)).toBe(0);
  });

  it("stores a believable catalog: unique names and descriptions, images on disk, 8+ per category", async () => {
    const products = await db.product.findMany({ select: { name: true, description: true, image: true } });
    expect(new Set(products.map((p) => p.name)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.description)).size).toBe(products.length);
    for (const product of products)
      expect(existsSync(path.join(packageRoot, "assets", product.image)), product.image).toBe(true);
    const perCategory = await db.product.groupBy({ by: ["categoryId"], _count: { _all: true } });
    for (const group of perCategory) expect(group._count._all).toBeGreaterThanOrEqual(8);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await digest(db);
    const counts = await countRows(db);
    await seedDatabase(db, { anchorDate });
    expect(await countRows(db)).toEqual(counts);
    expect(await digest(db)).toEqual(before);
  });

  it("is idempotent on a later day too, and never resets live stock", async () => {
    const product = await db.product.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db.inventory.update({ where: { productId: product.id }, data: { onHand: { decrement: 1 } } });
    const before = await digest(db);
    await seedDatabase(db, { anchorDate: "2026-12-09" });
    expect(await digest(db)).toEqual(before);
    await db.inventory.update({ where: { productId: product.id }, data: { onHand: { increment: 1 } } });
  });

  it("sets each product's par level from the catalog, leaving its live stock alone", async () => {
    const product = await db.product.findFirstOrThrow({
      orderBy: { id: "asc" },
      include: { inventory: true },
    });
    const catalogStock = catalog
      .flatMap((category) => category.products)
      .find((p) => p.slug === product.slug)?.stock;
    expect(product.inventory?.parLevel).toBe(catalogStock);
    // A shop migrated from before par levels: the migration leaves them at 0 for the seed to set.
    await db.inventory.update({
      where: { productId: product.id },
      data: { parLevel: 0, onHand: { decrement: 2 } },
    });
    await seedDatabase(db, { anchorDate });
    const after = await db.inventory.findUniqueOrThrow({ where: { productId: product.id } });
    expect(after.parLevel).toBe(catalogStock);
    expect(after.onHand).toBe((product.inventory?.onHand ?? 0) - 2);
    await db.inventory.update({ where: { productId: product.id }, data: { onHand: { increment: 2 } } });
  });

  it("is Prisma's seed command (`prisma db seed`)", () => {
    const run = spawnSync(process.execPath, ["scripts/prisma.ts", "db", "seed"], {
      cwd: packageRoot,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), SEED_ANCHOR_DATE: anchorDate },
    });
    expect(run.stdout + run.stderr).toContain("[seed] orders: 0 created");
    expect(run.status).toBe(0);
  });

  it("is deterministic: another database seeded with the same anchor holds the same data", async () => {
    const other = await createScratchDatabase(testEnv().TEST_DATABASE_URL, "shop_seed_test");
    const otherDb = createDbClient({ connectionString: other.url, poolMax: 2 });
    try {
      await deployMigrations({ connectionString: other.url, engine: "wasm" });
      await seedDatabase(otherDb, { anchorDate });
      const insertTime = ["created_at", "updated_at"];
      const volatile = {
        categories: insertTime,
        products: insertTime,
        inventory: insertTime,
        payments: ["id"],
      };
      expect(await digest(otherDb, volatile)).toEqual(await digest(db, volatile));
    } finally {
      await otherDb.$disconnect();
      await other.drop();
    }
  });
});
