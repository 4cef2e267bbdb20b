// Reserve, commit, release and expiry against a real PostgreSQL, in-process (createCaller) with a
// clock the tests move, so expiry is a state they set rather than a deadline they sleep past.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { seedCatalog } from "../test/seed-catalog.ts";
import { stockFixture } from "../test/stock-fixture.ts";
import { createInventoryRouter } from "./router.ts";
import { sweepExpiredReservations } from "./sweep-expired-reservations.ts";
import { createCallerFactory } from "./trpc.ts";

let db: DbClient;
let productIds: number[];
let fixture: ReturnType<typeof stockFixture>;
let clock = new Date();
let inventory: ReturnType<typeof callerAt>;

function callerAt(now: () => Date) {
  return createCallerFactory(createInventoryRouter({ db, now }))({});
}

/** A distinct seeded product for each use, so tests never share stock. */
let nextProduct = 0;
function product(): number {
  const id = productIds[nextProduct++];
  if (id === undefined) throw new Error("ran out of seeded products");
  return id;
}

const later = (seconds: number) => new Date(clock.getTime() + seconds * 1_000);

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 8 });
  productIds = await seedCatalog(db);
  fixture = stockFixture(db);
  inventory = callerAt(() => clock);
});

afterEach(async () => {
  clock = new Date();
  await fixture.restore();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("availability", () => {
  it("answers on hand, reserved and available per product, in the order asked", async () => {
    const [a, b] = [product(), product()];
    await fixture.setStock(a, 12);
    await fixture.setStock(b, 3);
    await inventory.reserve({
      checkoutId: fixture.checkoutId("avail"),
      items: [{ productId: a, quantity: 5 }],
    });

    expect(await inventory.availability({ productIds: [b, a] })).toEqual([
      { productId: b, onHand: 3, reserved: 0, available: 3 },
      { productId: a, onHand: 12, reserved: 5, available: 7 },
    ]);
  });

  it("answers NOT_FOUND naming every unknown product", async () => {
    const known = product();
    const missing = [Math.max(...productIds) + 1_000, Math.max(...productIds) + 2_000];
    await expect(inventory.availability({ productIds: [known, ...missing] })).rejects.toMatchObject({
      code: "NOT_FOUND",
      domainCode: "NOT_FOUND",
      message: `No stock for products ${missing.join(", ")}`,
      details: { productIds: missing },
    });
  });
});

describe("reserve", () => {
  it("reserves nothing of a basket whose second item is short", async () => {
    const [plenty, scarce] = [product(), product()];
    await fixture.setStock(plenty, 10);
    await fixture.setStock(scarce, 1);
    const checkoutId = fixture.checkoutId("short");

    await expect(
      inventory.reserve({
        checkoutId,
        items: [
          { productId: plenty, quantity: 2 },
          { productId: scarce, quantity: 3 },
        ],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      domainCode: "OUT_OF_STOCK",
      expected: true,
      details: { productId: scarce, requested: 3, available: 1 },
    });
    expect(await fixture.stock(plenty)).toEqual({ onHand: 10, reserved: 0 });
    expect(await fixture.stock(scarce)).toEqual({ onHand: 1, reserved: 0 });
    expect(await db.stockReservation.count({ where: { checkoutId } })).toBe(0);
  });

  it("holds the units until the expiry, 15 minutes unless the caller says otherwise", async () => {
    const [a, b] = [product(), product()];
    await fixture.setStock(a, 5);
    await fixture.setStock(b, 5);

    const standard = await inventory.reserve({
      checkoutId: fixture.checkoutId("ttl"),
      items: [
        { productId: b, quantity: 1 },
        { productId: a, quantity: 2 },
      ],
    });
    expect(standard).toEqual({
      checkoutId: standard.checkoutId,
      status: "ACTIVE",
      expiresAt: later(15 * 60),
      items: [
        { productId: a, quantity: 2 },
        { productId: b, quantity: 1 },
      ],
    });
    const short = await inventory.reserve({
      checkoutId: fixture.checkoutId("ttl"),
      items: [{ productId: a, quantity: 1 }],
      ttlSeconds: 90,
    });
    expect(short.expiresAt).toEqual(later(90));
    expect(await fixture.stock(a)).toEqual({ onHand: 5, reserved: 3 });
  });

  it("reserves once when the same checkout is sent 5 times at once, and answers each the same", async () => {
    const productId = product();
    await fixture.setStock(productId, 20);
    const checkoutId = fixture.checkoutId("dup");
    const request = { checkoutId, items: [{ productId, quantity: 4 }] };

    const answers = await Promise.all(Array.from({ length: 5 }, () => inventory.reserve(request)));

    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await fixture.stock(productId)).toEqual({ onHand: 20, reserved: 4 });
    expect(await db.stockReservation.count({ where: { checkoutId } })).toBe(1);
    // And once more, later: still the same reservation.
    expect(await inventory.reserve(request)).toEqual(answers[0]);
  });

  it("refuses a retry of the same checkout with a different basket", async () => {
    const [a, b] = [product(), product()];
    await fixture.setStock(a, 5);
    await fixture.setStock(b, 5);
    const checkoutId = fixture.checkoutId("basket");
    await inventory.reserve({ checkoutId, items: [{ productId: a, quantity: 1 }] });

    for (const items of [
      [{ productId: a, quantity: 2 }],
      [
        { productId: a, quantity: 1 },
        { productId: b, quantity: 1 },
      ],
    ]) {
      await expect(inventory.reserve({ checkoutId, items })).rejects.toMatchObject({
        code: "CONFLICT",
        domainCode: "CONFLICT",
      });
    }
    expect(await fixture.stock(a)).toEqual({ onHand: 5, reserved: 1 });
    expect(await fixture.stock(b)).toEqual({ onHand: 5, reserved: 0 });
  });
});

describe("commit and release", () => {
  it("commit sells the units (on hand and reserved go down) and is idempotent", async () => {
    const productId = product();
    await fixture.setStock(productId, 10);
    const checkoutId = fixture.checkoutId("commit");
    await inventory.reserve({ checkoutId, items: [{ productId, quantity: 3 }] });

    const committed = await inventory.commit({ checkoutId });
    expect(committed).toMatchObject({ checkoutId, status: "COMMITTED", items: [{ productId, quantity: 3 }] });
    expect(await fixture.stock(productId)).toEqual({ onHand: 7, reserved: 0 });

    expect(await inventory.commit({ checkoutId })).toEqual(committed);
    expect(await fixture.stock(productId)).toEqual({ onHand: 7, reserved: 0 });
    // Sold is sold: neither a release nor a second reserve of the checkout can change it.
    await expect(inventory.release({ checkoutId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { checkoutId, status: "COMMITTED" },
    });
    expect(await inventory.reserve({ checkoutId, items: [{ productId, quantity: 3 }] })).toEqual(committed);
    expect(await fixture.stock(productId)).toEqual({ onHand: 7, reserved: 0 });
  });

  it("commit of a checkout that reserved nothing is NOT_FOUND", async () => {
    await expect(inventory.commit({ checkoutId: fixture.checkoutId("nothing") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("release gives the units back, is idempotent, and leaves nothing to commit", async () => {
    const productId = product();
    await fixture.setStock(productId, 6);
    const checkoutId = fixture.checkoutId("release");
    await inventory.reserve({ checkoutId, items: [{ productId, quantity: 4 }] });
    expect(await fixture.stock(productId)).toEqual({ onHand: 6, reserved: 4 });

    expect(await inventory.release({ checkoutId })).toMatchObject({
      checkoutId,
      released: [{ productId, quantity: 4 }],
      reservation: { status: "RELEASED" },
    });
    expect(await fixture.stock(productId)).toEqual({ onHand: 6, reserved: 0 });

    expect(await inventory.release({ checkoutId })).toMatchObject({
      released: [],
      reservation: { status: "RELEASED" },
    });
    expect(await fixture.stock(productId)).toEqual({ onHand: 6, reserved: 0 });
    await expect(inventory.commit({ checkoutId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { checkoutId, status: "RELEASED" },
    });
    await expect(
      inventory.reserve({ checkoutId, items: [{ productId, quantity: 4 }] }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { status: "RELEASED" } });
  });

  it("release of a checkout that reserved nothing changes nothing and succeeds", async () => {
    const checkoutId = fixture.checkoutId("never");
    expect(await inventory.release({ checkoutId })).toEqual({ checkoutId, released: [], reservation: null });
  });
});

describe("expiry", () => {
  it("an expired reservation cannot be committed, and the sweep gives its units back", async () => {
    const productId = product();
    await fixture.setStock(productId, 8);
    const checkoutId = fixture.checkoutId("expire");
    await inventory.reserve({ checkoutId, items: [{ productId, quantity: 3 }], ttlSeconds: 60 });

    clock = later(60);
    // Expired at its deadline, whether or not a sweep has run yet.
    await expect(inventory.commit({ checkoutId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { checkoutId, status: "EXPIRED" },
    });
    expect(await fixture.stock(productId)).toEqual({ onHand: 8, reserved: 3 });

    const swept = await sweepExpiredReservations(db, clock);
    expect(swept.reservations).toBeGreaterThanOrEqual(1);
    expect(await fixture.stock(productId)).toEqual({ onHand: 8, reserved: 0 });
    expect(await db.stockReservation.findMany({ where: { checkoutId }, select: { status: true } })).toEqual([
      { status: "EXPIRED" },
    ]);

    await expect(inventory.commit({ checkoutId })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { status: "EXPIRED" },
    });
    expect(await inventory.release({ checkoutId })).toMatchObject({
      released: [],
      reservation: { status: "EXPIRED" },
    });
    expect(await fixture.stock(productId)).toEqual({ onHand: 8, reserved: 0 });
  });

  it("leaves reservations that have not expired alone", async () => {
    const productId = product();
    await fixture.setStock(productId, 8);
    const checkoutId = fixture.checkoutId("fresh");
    await inventory.reserve({ checkoutId, items: [{ productId, quantity: 2 }], ttlSeconds: 60 });

    await sweepExpiredReservations(db, later(59));
    expect(await fixture.stock(productId)).toEqual({ onHand: 8, reserved: 2 });
    expect(await inventory.commit({ checkoutId })).toMatchObject({ status: "COMMITTED" });
  });

  it("several sweepers at once return each expired unit exactly once", async () => {
    const [a, b] = [product(), product()];
    await fixture.setStock(a, 40);
    await fixture.setStock(b, 60);
    for (let index = 0; index < 30; index++) {
      await inventory.reserve({
        checkoutId: fixture.checkoutId("sweep"),
        items: [
          { productId: a, quantity: 1 },
          { productId: b, quantity: (index % 3) + 1 },
        ],
        ttlSeconds: 1,
      });
    }
    expect(await fixture.stock(b)).toEqual({ onHand: 60, reserved: 60 });

    // Small batches, so the sweepers meet on the same rows and must skip each other's.
    const sweeps = await Promise.all(
      Array.from({ length: 4 }, () => sweepExpiredReservations(db, later(1), { batchSize: 7 })),
    );
    expect(sweeps.reduce((sum, sweep) => sum + sweep.reservations, 0)).toBe(60);
    expect(sweeps.reduce((sum, sweep) => sum + sweep.units, 0)).toBe(30 + 60);
    expect(await fixture.stock(a)).toEqual({ onHand: 40, reserved: 0 });
    expect(await fixture.stock(b)).toEqual({ onHand: 60, reserved: 0 });
    expect(await sweepExpiredReservations(db, later(1))).toEqual({ reservations: 0, units: 0 });
  });
});
