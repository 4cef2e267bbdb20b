// The seeded catalog the cart's tests buy from, with a short order history (the products, prices
// and stock are what matter here). Idempotent: each test file calls it once.
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";

export async function seedCatalog(db: DbClient): Promise<number[]> {
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: 200 });
  const products = await db.product.findMany({
    where: { active: true },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return products.map((product) => product.id);
}
