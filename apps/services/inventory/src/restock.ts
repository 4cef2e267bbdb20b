// The warehouse: a product whose free stock (on hand, not reserved) has fallen to its reorder
// point gets a delivery that tops it back up to its par level (the catalog's stocking level, set
// by the seed). Without it a shop that bots shop in around the clock sells out within days.
// The reorder point is a share of the par level (INVENTORY_REORDER_SHARE): 0.2 reorders a product
// stocked at 150 when 30 or fewer are free. A product with par level 0 is never restocked.
//
// "Tops up" counts free stock: units reserved now stay covered, and if those reservations later
// expire instead of selling, free stock ends above the par level by that much until it sells.
// A product no longer on sale (products.active false) gets no deliveries.
//
// One statement, and no delivery twice: the due rows are locked FOR UPDATE SKIP LOCKED in product
// id order, so a replica restocking at the same moment skips the rows this one holds (and never
// waits, so it can never be one side of a deadlock), and one that comes after this one commits
// re-checks each row it locks (READ COMMITTED) and finds it no longer due. A row a checkout holds
// right now (a reservation, or inventory.contention's long hold) is left for the next round.
import type { DbClient, Prisma } from "@shop/db";

export interface Delivery {
  productId: number;
  slug: string;
  /** Units added to on_hand. */
  units: number;
  /** Free stock after the delivery: the par level. */
  parLevel: number;
}

/** `db` may be a transaction (tests hold one open to play a replica mid-round). */
export async function restockBelowReorderPoint(
  db: DbClient | Prisma.TransactionClient,
  reorderShare: number,
): Promise<Delivery[]> {
  // numeric, not float: 0.29 * 100 must be 29, not 28.999...
  const deliveries = await db.$queryRaw<Delivery[]>`
    with due as (
      select inventory.product_id, products.slug,
             inventory.par_level - (inventory.on_hand - inventory.reserved) as units
        from inventory
        join products on products.id = inventory.product_id
       where products.active
         and inventory.par_level > 0
         and inventory.on_hand - inventory.reserved < inventory.par_level
         and inventory.on_hand - inventory.reserved <= floor(inventory.par_level * ${reorderShare}::numeric)
       order by inventory.product_id
         for update of inventory skip locked
    )
    update inventory
       set on_hand = inventory.on_hand + due.units, updated_at = now()
      from due
     where inventory.product_id = due.product_id
    returning inventory.product_id as "productId", due.slug, due.units, inventory.par_level as "parLevel"`;
  return deliveries.sort((a, b) => a.productId - b.productId);
}
