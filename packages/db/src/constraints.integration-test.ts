// The database itself refuses impossible states, whatever the application does: these go
// straight to PostgreSQL and assert its own error (SQLSTATE and constraint name).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

let client: pg.Client;
let productId: number;
let customerId: number;
const suffix = randomUUID().slice(0, 8);

async function expectViolation(sql: string, params: unknown[], code: string, constraint: string) {
  await client.query("savepoint attempt");
  const error = await client.query(sql, params).then(
    () => undefined,
    (e: unknown) => e as pg.DatabaseError,
  );
  await client.query("rollback to savepoint attempt");
  expect(error, `expected ${constraint} to reject: ${sql}`).toBeDefined();
  expect({ code: error?.code, constraint: error?.constraint }).toEqual({ code, constraint });
}

const CHECK_VIOLATION = "23514";
const UNIQUE_VIOLATION = "23505";

async function insertOrder(number: string, idempotencyKey: string) {
  return client.query(
    `insert into orders (number, idempotency_key, customer_id, email, subtotal_minor, shipping_minor,
       total_minor, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, updated_at)
     values ($1, $2, $3, 'c@example.com', 1000, 500, 1500, 'C', '1 Main St', 'Town', '12345', 'US', now())`,
    [number, idempotencyKey, customerId],
  );
}

describe("database constraints", () => {
  beforeAll(async () => {
    client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    // Everything below happens in one transaction that is rolled back: the database is left as found.
    await client.query("begin");
    const category = await client.query<{ id: number }>(
      `insert into categories (slug, name, description, position, updated_at)
       values ($1, $1, 'test', 99, now()) returning id`,
      [`constraints-${suffix}`],
    );
    const product = await client.query<{ id: number }>(
      `insert into products (slug, name, description, brand, price_minor, weight_grams, image, search_text,
         category_id, updated_at)
       values ($1, $1, 'A test product.', 'Test', 1000, 100, 'products/x.svg', 'x', $2, now()) returning id`,
      [`constraint-product-${suffix}`, category.rows[0]?.id],
    );
    productId = product.rows[0]?.id ?? 0;
    await client.query(
      "insert into inventory (product_id, on_hand, reserved, par_level, updated_at) values ($1, 5, 2, 5, now())",
      [productId],
    );
    const customer = await client.query<{ id: number }>(
      `insert into customers (email, first_name, last_name, updated_at)
       values ($1, 'Con', 'Straint', now()) returning id`,
      [`constraints-${suffix}@example.com`],
    );
    customerId = customer.rows[0]?.id ?? 0;
  });

  afterAll(async () => {
    await client.query("rollback");
    await client.end();
  });

  it("rejects negative stock", async () => {
    await expectViolation(
      "update inventory set on_hand = -1, reserved = 0 where product_id = $1",
      [productId],
      CHECK_VIOLATION,
      "inventory_on_hand_check",
    );
    await expectViolation(
      "update inventory set reserved = -1 where product_id = $1",
      [productId],
      CHECK_VIOLATION,
      "inventory_reserved_check",
    );
    await expectViolation(
      "update inventory set par_level = -1 where product_id = $1",
      [productId],
      CHECK_VIOLATION,
      "inventory_par_level_check",
    );
  });

  it("rejects reserving more than is on hand", async () => {
    await expectViolation(
      "update inventory set reserved = reserved + 4 where product_id = $1",
      [productId],
      CHECK_VIOLATION,
      "inventory_reserved_within_on_hand_check",
    );
    // Selling below the reserved quantity is over-reservation too.
    await expectViolation(
      "update inventory set on_hand = 1 where product_id = $1",
      [productId],
      CHECK_VIOLATION,
      "inventory_reserved_within_on_hand_check",
    );
    const row = await client.query("select on_hand, reserved from inventory where product_id = $1", [
      productId,
    ]);
    expect(row.rows[0]).toEqual({ on_hand: 5, reserved: 2 });
  });

  it("rejects a duplicate idempotency key", async () => {
    const key = randomUUID();
    await insertOrder(`ORD-T${suffix.slice(0, 7).toUpperCase()}`, key);
    await expectViolation(
      `insert into orders (number, idempotency_key, customer_id, email, subtotal_minor, shipping_minor,
         total_minor, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, updated_at)
       values ('ORD-OTHER', $1, $2, 'c@example.com', 0, 0, 0, 'C', 'L', 'C', 'P', 'US', now())`,
      [key, customerId],
      UNIQUE_VIOLATION,
      "orders_idempotency_key_key",
    );
    await expectViolation(
      `insert into payments (id, idempotency_key, status, amount_minor, card_brand, card_last4, updated_at)
       values (gen_random_uuid(), $1, 'DECLINED', 100, 'VISA', '4242', now()),
              (gen_random_uuid(), $1, 'DECLINED', 100, 'VISA', '4242', now())`,
      [key],
      UNIQUE_VIOLATION,
      "payments_idempotency_key_key",
    );
  });

  it("rejects a duplicate order number", async () => {
    const number = `ORD-D${suffix.slice(0, 7).toUpperCase()}`;
    await insertOrder(number, randomUUID());
    await expectViolation(
      `insert into orders (number, idempotency_key, customer_id, email, subtotal_minor, shipping_minor,
         total_minor, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, updated_at)
       values ($1, $2, $3, 'c@example.com', 0, 0, 0, 'C', 'L', 'C', 'P', 'US', now())`,
      [number, randomUUID(), customerId],
      UNIQUE_VIOLATION,
      "orders_number_key",
    );
  });

  it("rejects totals that do not add up, and card data beyond the last four digits", async () => {
    await expectViolation(
      `insert into orders (number, idempotency_key, customer_id, email, subtotal_minor, shipping_minor,
         total_minor, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, updated_at)
       values ('ORD-BADTOTAL', $1, $2, 'c@example.com', 1000, 500, 1400, 'C', 'L', 'C', 'P', 'US', now())`,
      [randomUUID(), customerId],
      CHECK_VIOLATION,
      "orders_total_check",
    );
    await expectViolation(
      `insert into payments (id, idempotency_key, status, amount_minor, card_brand, card_last4, updated_at)
       values (gen_random_uuid(), $1, 'CAPTURED', 100, 'VISA', '42x2', now())`,
      [randomUUID()],
      CHECK_VIOLATION,
      "payments_card_last4_check",
    );
  });
});
