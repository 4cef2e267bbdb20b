// Loads the catalog and its history into PostgreSQL. Idempotent: categories, products and
// customers are matched by their natural keys and only written when they differ; stock is set
// only for products that have none yet (a running shop's stock is never reset), while each
// product's par level (what restocking tops it up to) follows the catalog; orders and
// payments are inserted with ON CONFLICT DO NOTHING on their unique keys, each batch of orders in
// one transaction with its items, payment and shipment, so an interrupted seed resumes cleanly.
import type { DbClient } from "../client.ts";
import { catalog } from "./catalog/index.ts";
import type { CategorySeed, ProductSeed } from "./catalog/index.ts";
import { generateOrderHistory } from "./order-history.ts";
import type { HistoryOrder } from "./order-history.ts";
import { drawPeople } from "./people.ts";
import { Random } from "./random.ts";

/** Changing it changes every seeded customer and order: don't, without a reason. */
export const SEED = 20_261_126;
export const DEFAULT_CUSTOMERS = 600;
export const DEFAULT_ORDERS = 20_000;
const ORDER_BATCH = 1_000;

export interface SeedOptions {
  /** History ends at this day's midnight UTC. */
  anchorDate: string;
  customers?: number;
  orders?: number;
  log?: (message: string) => void;
}

export interface SeedCounts {
  categories: number;
  products: number;
  inventory: number;
  customers: number;
  orders: number;
  orderItems: number;
  payments: number;
  shipments: number;
}

export function productImage(slug: string): string {
  return `products/${slug}.svg`;
}

export function searchText(product: ProductSeed, category: CategorySeed): string {
  return [product.name, product.brand, category.name, ...product.tags].join(" ").toLowerCase();
}

/** Deterministic, believable ratings: popular products have more reviews. */
export function rating(product: ProductSeed): { ratingAverage: number; ratingCount: number } {
  let hash = 0;
  for (const char of product.slug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    ratingAverage: Math.round((3.7 + (hash % 12) / 10) * 10) / 10,
    ratingCount: Math.round(product.popularity * 4.2) + (hash % 23),
  };
}

export async function seedDatabase(db: DbClient, options: SeedOptions): Promise<SeedCounts> {
  const log = options.log ?? (() => undefined);
  const end = new Date(`${options.anchorDate}T00:00:00.000Z`);

  const categoryIds = await seedCategories(db, log);
  const productIds = await seedProducts(db, categoryIds, log);
  await seedInventory(db, productIds, log);

  const people = drawPeople(new Random(SEED), options.customers ?? DEFAULT_CUSTOMERS);
  // Everyone was a customer before the history starts.
  const joined = (index: number) => new Date(end.getTime() - (120 + (index % 300)) * 86_400_000);
  const createdCustomers = await db.customer.createMany({
    data: people.map((person, index) => ({
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      createdAt: joined(index),
      updatedAt: joined(index),
    })),
    skipDuplicates: true,
  });
  log(`customers: ${people.length} (${createdCustomers.count} created)`);
  const customerRows = await db.customer.findMany({ select: { id: true, email: true } });
  const customerIds = new Map(customerRows.map((row) => [row.email, row.id]));

  const history = generateOrderHistory({
    seed: SEED + 1,
    end,
    orderCount: options.orders ?? DEFAULT_ORDERS,
    products: catalog.flatMap((category) =>
      category.products.map((product) => ({ ...product, categorySlug: category.slug })),
    ),
    customers: people,
  });

  // Re-runs skip what is there in one query instead of offering every row to ON CONFLICT.
  const present = await db.order.findMany({
    where: { number: { in: history.orders.map((order) => order.number) } },
    select: { number: true },
  });
  const seen = new Set(present.map((row) => row.number));
  const missing = history.orders.filter((order) => !seen.has(order.number));
  let inserted = 0;
  for (let offset = 0; offset < missing.length; offset += ORDER_BATCH) {
    const batch = missing.slice(offset, offset + ORDER_BATCH);
    inserted += await insertOrderBatch(db, batch, customerIds, productIds);
    const done = Math.min(offset + ORDER_BATCH, missing.length);
    if (done % (ORDER_BATCH * 5) === 0 || done === missing.length) log(`orders: ${done}/${missing.length}`);
  }
  const declined = await db.payment.createMany({
    data: history.declined.map(({ payment }) => ({
      ...payment,
      currency: "USD",
      updatedAt: payment.createdAt,
    })),
    skipDuplicates: true,
  });
  log(`orders: ${inserted} created; declined payment attempts: ${declined.count} created`);

  // Fresh planner statistics: the first queries after a bulk load should not guess.
  await db.$executeRawUnsafe("ANALYZE");
  return countRows(db);
}

async function seedCategories(db: DbClient, log: (message: string) => void) {
  const existing = new Map((await db.category.findMany()).map((row) => [row.slug, row]));
  let created = 0;
  let updated = 0;
  for (const [position, category] of catalog.entries()) {
    const wanted = { name: category.name, description: category.description, position };
    const row = existing.get(category.slug);
    if (!row) {
      await db.category.create({ data: { slug: category.slug, ...wanted } });
      created++;
    } else if (
      row.name !== wanted.name ||
      row.description !== wanted.description ||
      row.position !== position
    ) {
      await db.category.update({ where: { slug: category.slug }, data: wanted });
      updated++;
    }
  }
  log(`categories: ${catalog.length} (${created} created, ${updated} updated)`);
  const rows = await db.category.findMany({ select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function seedProducts(db: DbClient, categoryIds: Map<string, number>, log: (message: string) => void) {
  const existing = new Map((await db.product.findMany()).map((row) => [row.slug, row]));
  let created = 0;
  let updated = 0;
  for (const category of catalog) {
    const categoryId = categoryIds.get(category.slug);
    if (categoryId === undefined) throw new Error(`category ${category.slug} was not seeded`);
    for (const product of category.products) {
      const wanted = {
        name: product.name,
        description: product.description,
        brand: product.brand,
        priceMinor: product.priceMinor,
        currency: "USD",
        weightGrams: product.weightGrams,
        image: productImage(product.slug),
        searchText: searchText(product, category),
        ...rating(product),
        categoryId,
      };
      const row = existing.get(product.slug);
      if (!row) {
        await db.product.create({ data: { slug: product.slug, ...wanted } });
        created++;
      } else if (Object.entries(wanted).some(([key, value]) => row[key as keyof typeof row] !== value)) {
        await db.product.update({ where: { slug: product.slug }, data: wanted });
        updated++;
      }
    }
  }
  const total = catalog.reduce((sum, category) => sum + category.products.length, 0);
  log(`products: ${total} (${created} created, ${updated} updated)`);
  const rows = await db.product.findMany({ select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function seedInventory(db: DbClient, productIds: Map<string, number>, log: (message: string) => void) {
  const levels = catalog.flatMap((category) =>
    category.products.map((product) => ({ productId: idOf(productIds, product.slug), stock: product.stock })),
  );
  const result = await db.inventory.createMany({
    data: levels.map(({ productId, stock }) => ({ productId, onHand: stock, parLevel: stock })),
    skipDuplicates: true,
  });
  // The par level is the catalog's stocking level, not live stock: a shop seeded before the
  // column existed (or whose catalog changed) gets the catalog's level, its stock untouched. The
  // rows are locked in product id order, as every writer of inventory does, so a seed run beside
  // a live shop queues behind its checkouts instead of deadlocking with one.
  const parLevels = await db.$executeRaw`
    with changed as (
      select inventory.product_id, level.stock
        from inventory
        join unnest(${levels.map((level) => level.productId)}::int[],
                    ${levels.map((level) => level.stock)}::int[]) as level(product_id, stock)
          on level.product_id = inventory.product_id
       where inventory.par_level <> level.stock
       order by inventory.product_id
         for update of inventory
    )
    update inventory
       set par_level = changed.stock
      from changed
     where inventory.product_id = changed.product_id`;
  log(`inventory: ${result.count} stock rows created, ${parLevels} par levels updated`);
}

async function insertOrderBatch(
  db: DbClient,
  batch: HistoryOrder[],
  customerIds: Map<string, number>,
  productIds: Map<string, number>,
): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const created = await tx.order.createManyAndReturn({
        data: batch.map((order) => ({
          number: order.number,
          idempotencyKey: order.idempotencyKey,
          customerId: idOf(customerIds, order.customerEmail),
          email: order.customerEmail,
          status: order.status,
          currency: "USD",
          subtotalMinor: order.subtotalMinor,
          shippingMinor: order.shippingMinor,
          totalMinor: order.totalMinor,
          shipName: order.shipName,
          shipLine1: order.shipLine1,
          shipLine2: order.shipLine2,
          shipCity: order.shipCity,
          shipRegion: order.shipRegion,
          shipPostalCode: order.shipPostalCode,
          shipCountry: order.shipCountry,
          createdAt: order.createdAt,
          updatedAt: order.createdAt,
        })),
        select: { id: true, number: true },
        skipDuplicates: true,
      });
      if (created.length === 0) return 0;
      const idByNumber = new Map(created.map((row) => [row.number, row.id]));
      const fresh = batch.filter((order) => idByNumber.has(order.number));
      const orderId = (order: HistoryOrder) => idOf(idByNumber, order.number);

      await tx.orderItem.createMany({
        data: fresh.flatMap((order) =>
          order.items.map((item) => ({
            orderId: orderId(order),
            productId: idOf(productIds, item.productSlug),
            productName: item.productName,
            unitPriceMinor: item.unitPriceMinor,
            quantity: item.quantity,
            lineTotalMinor: item.lineTotalMinor,
          })),
        ),
      });
      await tx.payment.createMany({
        data: fresh.map((order) => ({
          ...order.payment,
          orderId: orderId(order),
          currency: "USD",
          updatedAt: order.payment.createdAt,
        })),
      });
      await tx.shipment.createMany({
        data: fresh.flatMap((order) =>
          order.shipment
            ? [
                {
                  ...order.shipment,
                  orderId: orderId(order),
                  createdAt: order.createdAt,
                  updatedAt: order.createdAt,
                },
              ]
            : [],
        ),
      });
      return created.length;
    },
    { timeout: 60_000 },
  );
}

function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`seed: no row for ${key}`);
  return id;
}

export async function countRows(db: DbClient): Promise<SeedCounts> {
  const [categories, products, inventory, customers, orders, orderItems, payments, shipments] =
    await Promise.all([
      db.category.count(),
      db.product.count(),
      db.inventory.count(),
      db.customer.count(),
      db.order.count(),
      db.orderItem.count(),
      db.payment.count(),
      db.shipment.count(),
    ]);
  return { categories, products, inventory, customers, orders, orderItems, payments, shipments };
}
