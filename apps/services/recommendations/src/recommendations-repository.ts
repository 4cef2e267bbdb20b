// The order history the model is built from: pairs of products bought in the same order, and
// units sold per product, over the last 90 days (cancelled orders excluded).
import type { DbClient } from "@shop/db";
import type { PairCount, ProductSales } from "./model.ts";

export class RecommendationsRepository {
  readonly #db: DbClient;

  constructor(db: DbClient) {
    this.#db = db;
  }

  async pairs(): Promise<PairCount[]> {
    const rows = await this.#db.$queryRaw<{ product_id: number; other_id: number; orders: number }[]>`
      select a.product_id, b.product_id as other_id, count(*)::int as orders
        from order_items a
        join order_items b on b.order_id = a.order_id and b.product_id <> a.product_id
        join orders o on o.id = a.order_id
       where o.created_at > now() - interval '90 days' and o.status <> 'CANCELLED'
       group by a.product_id, b.product_id`;
    return rows.map((row) => ({ productId: row.product_id, otherId: row.other_id, orders: row.orders }));
  }

  async sales(): Promise<ProductSales[]> {
    const rows = await this.#db.$queryRaw<{ product_id: number; category_id: number; sold: number }[]>`
      select p.id as product_id, p.category_id, coalesce(sum(oi.quantity) filter (
               where o.created_at > now() - interval '90 days' and o.status <> 'CANCELLED'), 0)::int as sold
        from products p
        left join order_items oi on oi.product_id = p.id
        left join orders o on o.id = oi.order_id
       where p.active
       group by p.id, p.category_id`;
    return rows.map((row) => ({ productId: row.product_id, categoryId: row.category_id, sold: row.sold }));
  }

  async ping(): Promise<void> {
    await this.#db.$queryRaw`select 1`;
  }
}
