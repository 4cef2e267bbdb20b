// What a test changes in the shared catalog, and how it is put back: stock, prices and whether a
// product is still sold. Every change is undone by restore() (call it in afterEach).
import type { DbClient } from "@shop/db";

interface Original {
  onHand: number;
  reserved: number;
  priceMinor: number;
  active: boolean;
}

export function catalogFixture(db: DbClient) {
  const originals = new Map<number, Original>();

  async function remember(productId: number) {
    if (originals.has(productId)) return;
    const product = await db.product.findUniqueOrThrow({
      where: { id: productId },
      select: { priceMinor: true, active: true, inventory: { select: { onHand: true, reserved: true } } },
    });
    originals.set(productId, {
      priceMinor: product.priceMinor,
      active: product.active,
      onHand: product.inventory?.onHand ?? 0,
      reserved: product.inventory?.reserved ?? 0,
    });
  }

  return {
    product: (productId: number) =>
      db.product.findUniqueOrThrow({
        where: { id: productId },
        select: { id: true, name: true, slug: true, image: true, priceMinor: true, currency: true },
      }),

    /** Sets what can be sold of a product (nothing reserved). */
    async setStock(productId: number, onHand: number): Promise<void> {
      await remember(productId);
      await db.inventory.update({ where: { productId }, data: { onHand, reserved: 0 } });
    },

    async setPrice(productId: number, priceMinor: number): Promise<void> {
      await remember(productId);
      await db.product.update({ where: { id: productId }, data: { priceMinor } });
    },

    /** The catalog stops selling the product. */
    async retire(productId: number): Promise<void> {
      await remember(productId);
      await db.product.update({ where: { id: productId }, data: { active: false } });
    },

    async restore(): Promise<void> {
      for (const [productId, original] of originals) {
        await db.product.update({
          where: { id: productId },
          data: { priceMinor: original.priceMinor, active: original.active },
        });
        await db.inventory.update({
          where: { productId },
          data: { onHand: original.onHand, reserved: original.reserved },
        });
      }
      originals.clear();
    },
  };
}

export type CatalogFixture = ReturnType<typeof catalogFixture>;
