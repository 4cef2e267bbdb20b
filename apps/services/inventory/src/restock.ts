// The warehouse: a product whose free stock (on hand, not reserved) has fallen to its reorder
// point gets a delivery that tops it back up to its par level (the catalog's stocking level, set
// by the seed). Without it a shop that bots shop in around the clock sells out within days.
// The reorder point is a share of the par level (INVENTORY_REORDER_SHARE): 0.2 reorders a product
// stocked at 150 when 30 or fewer are free. A product with par level 0 is never restocked.
//
// One statement: the due rows are taken FOR UPDATE SKIP LOCKED, so replicas restocking at once
// split the work and never deliver twice, and a row a checkout holds right now (a reservation, or
// inventory.contention's long hold) is left for the next run instead of queueing behind it. The
// delivery adds to on_hand rather than setting it, so units reserved meanwhile stay covered.
import type { DbClient } from "@shop/db";

export interface Delivery {
  productId: number;
  slug: string;
  /** Units added to on_hand. */
  units: number;
  /** Free stock after the delivery: the par level. */
  parLevel: number;
}

export async function restockBelowReorderPoint(db: DbClient, reorderShare: number): Promise<Delivery[]> {
  const deliveries = await db.$queryRaw<Delivery[]>`
    with due as (
      select inventory.product_id, inventory.par_level - (inventory.on_hand - inventory.reserved) as units
        from inventory
       where inventory.par_level > 0
         and inventory.on_hand - inventory.reserved < inventory.par_level
         and inventory.on_hand - inventory.reserved <= floor(inventory.par_level * ${reorderShare}::float8)
       order by inventory.product_id
         for update skip locked
    )
    update inventory
       set on_hand = inventory.on_hand + due.units, updated_at = now()
      from due, products
     where inventory.product_id = due.product_id and products.id = due.product_id
    returning inventory.product_id as "productId", products.slug, due.units, inventory.par_level as "parLevel"`;
  return deliveries.sort((a, b) => a.productId - b.productId);
}
