// The seeded catalog the integration tests reserve from, with a short order history (the stock
// is what matters here, not the history). Idempotent: each test file calls it once.
import type { DbClient } from "@shop/db";
import { seedDatabase } from "@shop/db/seed";

export async function seedCatalog(db: DbClient): Promise<number[]> {
  await seedDatabase(db, { anchorDate: "2026-11-26", orders: 200 });
  const products = await db.product.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return products.map((product) => product.id);
}
