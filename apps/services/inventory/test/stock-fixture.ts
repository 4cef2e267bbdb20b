// What a test changes in the shared database, and how it is put back: the stock (and par level) of
// the products it set, and every reservation of the checkout ids it minted.
import { randomUUID } from "node:crypto";
import type { DbClient } from "@shop/db";

export interface StockRow {
  onHand: number;
  reserved: number;
}

interface SavedRow extends StockRow {
  parLevel: number;
}

export function stockFixture(db: DbClient) {
  const original = new Map<number, SavedRow>();
  const checkoutIds = new Set<string>();

  async function stock(productId: number): Promise<StockRow> {
    return db.inventory.findUniqueOrThrow({
      where: { productId },
      select: { onHand: true, reserved: true },
    });
  }

  return {
    stock,

    /**
     * Sets a product's stock for this test (nothing reserved unless `reserved`, the par level
     * unchanged unless `parLevel`); restore() puts the original back.
     */
    async setStock(
      productId: number,
      onHand: number,
      { reserved = 0, parLevel }: { reserved?: number; parLevel?: number } = {},
    ): Promise<void> {
      if (!original.has(productId)) {
        original.set(
          productId,
          await db.inventory.findUniqueOrThrow({
            where: { productId },
            select: { onHand: true, reserved: true, parLevel: true },
          }),
        );
      }
      await db.inventory.update({
        where: { productId },
        data: { onHand, reserved, ...(parLevel === undefined ? {} : { parLevel }) },
      });
    },

    /** A checkout id of this test's own, cleaned up by restore(). */
    checkoutId(label: string): string {
      const id = `${label}-${randomUUID()}`;
      checkoutIds.add(id);
      return id;
    },

    /** Units held by ACTIVE reservations: what inventory.reserved must equal. */
    async activeUnits(productId: number): Promise<number> {
      const held = await db.stockReservation.aggregate({
        where: { productId, status: "ACTIVE" },
        _sum: { quantity: true },
      });
      return held._sum.quantity ?? 0;
    },

    async restore(): Promise<void> {
      await db.stockReservation.deleteMany({ where: { checkoutId: { in: [...checkoutIds] } } });
      for (const [productId, row] of original) {
        await db.inventory.update({ where: { productId }, data: row });
      }
      original.clear();
      checkoutIds.clear();
    },
  };
}

export type StockFixture = ReturnType<typeof stockFixture>;
