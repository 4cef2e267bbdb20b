// Restocking against a real PostgreSQL, in-process: which products are due, how much arrives,
// what is left alone, and that rows a checkout holds or another replica restocks are never
// delivered twice. A run covers the whole table, so every assertion reads this test's products
// only (afterEach puts their stock and par levels back). That is safe because test files run one
// at a time and the seeded rows sit at their par level, so nothing else is due.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { seedCatalog } from "../test/seed-catalog.ts";
import { stockFixture } from "../test/stock-fixture.ts";
import { restockBelowReorderPoint } from "./restock.ts";
import type { Delivery } from "./restock.ts";

const SHARE = 0.2;

let db: DbClient;
let productIds: number[];
let fixture: ReturnType<typeof stockFixture>;

/** A distinct seeded product for each use, so tests never share stock. */
let nextProduct = 0;
function product(): number {
  const id = productIds[nextProduct++];
  if (id === undefined) throw new Error("ran out of seeded products");
  return id;
}

const row = (productId: number) =>
  db.inventory.findUniqueOrThrow({
    where: { productId },
    select: { onHand: true, reserved: true, parLevel: true },
  });

const mine = (deliveries: Delivery[], ids: number[]) =>
  deliveries.filter((delivery) => ids.includes(delivery.productId));

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 6 });
  productIds = await seedCatalog(db);
  fixture = stockFixture(db);
});

afterEach(async () => {
  await fixture.restore();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("restocking", () => {
  it("tops a product at its reorder point back up to its par level, and leaves the rest alone", async () => {
    const [due, atPoint, abovePoint, notStocked, full] = [
      product(),
      product(),
      product(),
      product(),
      product(),
    ];
    await fixture.setStock(due, 7, { parLevel: 100 });
    // The reorder point of 100 at a share of 0.2 is 20 free: 20 is due, 21 is not.
    await fixture.setStock(atPoint, 25, { reserved: 5, parLevel: 100 });
    await fixture.setStock(abovePoint, 21, { parLevel: 100 });
    await fixture.setStock(notStocked, 0, { parLevel: 0 });
    await fixture.setStock(full, 100, { parLevel: 100 });

    const deliveries = await restockBelowReorderPoint(db, SHARE);

    const slugs = await db.product.findMany({
      where: { id: { in: [due, atPoint] } },
      orderBy: { id: "asc" },
    });
    expect(mine(deliveries, [due, atPoint, abovePoint, notStocked, full])).toEqual([
      { productId: due, slug: slugs[0]?.slug, units: 93, parLevel: 100 },
      { productId: atPoint, slug: slugs[1]?.slug, units: 80, parLevel: 100 },
    ]);
    expect(await row(due)).toEqual({ onHand: 100, reserved: 0, parLevel: 100 });
    // Reserved units stay covered: the delivery adds to on hand, so 100 are free again.
    expect(await row(atPoint)).toEqual({ onHand: 105, reserved: 5, parLevel: 100 });
    expect(await row(abovePoint)).toEqual({ onHand: 21, reserved: 0, parLevel: 100 });
    expect(await row(notStocked)).toEqual({ onHand: 0, reserved: 0, parLevel: 0 });
    expect(await row(full)).toEqual({ onHand: 100, reserved: 0, parLevel: 100 });

    // Delivered once: the next run finds nothing of these due.
    expect(mine(await restockBelowReorderPoint(db, SHARE), [due, atPoint])).toEqual([]);
  });

  it("restocks a sold-out product, every unit of it held by reservations", async () => {
    const soldOut = product();
    await fixture.setStock(soldOut, 4, { reserved: 4, parLevel: 30 });
    const deliveries = mine(await restockBelowReorderPoint(db, SHARE), [soldOut]);
    expect(deliveries.map((delivery) => delivery.units)).toEqual([30]);
    expect(await row(soldOut)).toEqual({ onHand: 34, reserved: 4, parLevel: 30 });
  });

  it("waits for a sold-out product at a reorder share of 0", async () => {
    const [low, soldOut] = [product(), product()];
    await fixture.setStock(low, 1, { parLevel: 50 });
    await fixture.setStock(soldOut, 0, { parLevel: 50 });
    const deliveries = mine(await restockBelowReorderPoint(db, 0), [low, soldOut]);
    expect(deliveries.map((delivery) => [delivery.productId, delivery.units])).toEqual([[soldOut, 50]]);
  });

  it("skips a row a checkout holds, and restocks it on the next run once let go", async () => {
    const held = product();
    await fixture.setStock(held, 2, { parLevel: 40 });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`select product_id from inventory where product_id = ${held} for update`;
        locked();
        await released;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    try {
      expect(mine(await restockBelowReorderPoint(db, SHARE), [held])).toEqual([]);
      expect((await row(held)).onHand).toBe(2);
    } finally {
      release();
      await holder;
    }
    expect(mine(await restockBelowReorderPoint(db, SHARE), [held]).map((d) => d.units)).toEqual([38]);
    expect((await row(held)).onHand).toBe(40);
  });

  it("delivers once when two replicas restock at the same moment, or one just after the other", async () => {
    const ids = [product(), product(), product()];
    for (const id of ids) await fixture.setStock(id, 1, { parLevel: 60 });
    const finished = Promise.withResolvers<undefined>();
    const firstRound = Promise.withResolvers<Delivery[]>();
    // Replica A restocks and has not committed yet...
    const replicaA = db.$transaction(
      async (tx) => {
        firstRound.resolve(await restockBelowReorderPoint(tx, SHARE));
        await finished.promise;
      },
      { timeout: 20_000 },
    );
    try {
      expect(mine(await firstRound.promise, ids).map((delivery) => delivery.units)).toEqual([59, 59, 59]);
      // ...replica B, at the same moment, skips the rows A holds instead of waiting for them.
      expect(mine(await restockBelowReorderPoint(db, SHARE), ids)).toEqual([]);
    } finally {
      finished.resolve(undefined);
      await replicaA;
    }
    // Replica C, just after A committed, finds them no longer due.
    expect(mine(await restockBelowReorderPoint(db, SHARE), ids)).toEqual([]);
    for (const id of ids) expect((await row(id)).onHand).toBe(60);
  });

  it("counts the reorder point exactly, and leaves products no longer on sale alone", async () => {
    const [atPoint, retired] = [product(), product()];
    // 0.29 of 100 is 29 (in floating point it would be 28.999...).
    await fixture.setStock(atPoint, 29, { parLevel: 100 });
    await fixture.setStock(retired, 0, { parLevel: 100 });
    await db.product.update({ where: { id: retired }, data: { active: false } });
    try {
      const deliveries = mine(await restockBelowReorderPoint(db, 0.29), [atPoint, retired]);
      expect(deliveries.map((delivery) => [delivery.productId, delivery.units])).toEqual([[atPoint, 71]]);
      expect((await row(retired)).onHand).toBe(0);
    } finally {
      await db.product.update({ where: { id: retired }, data: { active: true } });
    }
  });
});
