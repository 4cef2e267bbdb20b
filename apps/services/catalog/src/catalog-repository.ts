// The catalog's SQL. Listings and search are raw (parameterised) SQL because they need what
// Prisma's query API cannot say: sales aggregated over 90 days as a sort key, keyset pagination
// across mixed directions, and pg_trgm's word similarity for typo-tolerant search.
import { Prisma } from "@shop/db";
import type { DbClient } from "@shop/db";
import type { Cursor } from "./cursor.ts";
import type { CategorySummary, ProductDetail, ProductSummary } from "./model.ts";
import type { Sort } from "./schemas.ts";

export interface ProductFilter {
  category?: string | undefined;
  brands?: string[] | undefined;
  minPriceMinor?: number | undefined;
  maxPriceMinor?: number | undefined;
  inStock?: boolean | undefined;
}

interface SummaryRow {
  id: number;
  slug: string;
  name: string;
  brand: string;
  price_minor: number;
  currency: string;
  image: string;
  rating_average: number;
  rating_count: number;
  category_slug: string;
  category_name: string;
  available: number;
  sold: number;
  created_at: Date;
  weight_grams: number;
}

/** The sort key of a row, as the cursor stores it. */
export function sortKey(
  sort: Sort,
  row: { sold: number; priceMinor: number; ratingAverage: number; createdAt: string },
) {
  switch (sort) {
    case "popular":
      return row.sold;
    case "price_asc":
    case "price_desc":
      return row.priceMinor;
    case "rating":
      return row.ratingAverage;
    case "newest":
      return row.createdAt;
  }
}

const ORDER: Record<Sort, Prisma.Sql> = {
  popular: Prisma.sql`sold desc, p.id asc`,
  price_asc: Prisma.sql`p.price_minor asc, p.id asc`,
  price_desc: Prisma.sql`p.price_minor desc, p.id asc`,
  rating: Prisma.sql`p.rating_average desc, p.id asc`,
  newest: Prisma.sql`p.created_at desc, p.id asc`,
};

function after(sort: Sort, cursor: Cursor): Prisma.Sql {
  const { k, id } = cursor;
  switch (sort) {
    case "popular":
      return Prisma.sql`(coalesce(s.sold, 0) < ${k} or (coalesce(s.sold, 0) = ${k} and p.id > ${id}))`;
    case "price_asc":
      return Prisma.sql`(p.price_minor > ${k} or (p.price_minor = ${k} and p.id > ${id}))`;
    case "price_desc":
      return Prisma.sql`(p.price_minor < ${k} or (p.price_minor = ${k} and p.id > ${id}))`;
    case "rating":
      return Prisma.sql`(p.rating_average < ${k} or (p.rating_average = ${k} and p.id > ${id}))`;
    case "newest":
      return Prisma.sql`(p.created_at < ${new Date(String(k))} or (p.created_at = ${new Date(String(k))} and p.id > ${id}))`;
  }
}

const WORD_SIMILARITY_THRESHOLD = 0.45;

// Sales are joined from a snapshot (see #salesSnapshot) passed as two parallel arrays.
function selectFrom(sales: SalesSnapshot): Prisma.Sql {
  return Prisma.sql`
  select p.id, p.slug, p.name, p.brand, p.price_minor, p.currency, p.image, p.rating_average, p.weight_grams,
         p.rating_count, c.slug as category_slug, c.name as category_name, p.created_at,
         greatest(coalesce(i.on_hand - i.reserved, 0), 0)::int as available,
         coalesce(s.sold, 0)::int as sold
    from products p
    join categories c on c.id = p.category_id
    left join inventory i on i.product_id = p.id
    left join unnest(${sales.productIds}::int[], ${sales.sold}::int[]) as s(product_id, sold)
      on s.product_id = p.id`;
}

interface SalesSnapshot {
  takenAt: number;
  productIds: number[];
  sold: number[];
}

/** How long a sales snapshot is reused: popularity moves over days, not seconds. */
const SALES_SNAPSHOT_MS = 60_000;

function toSummary(row: SummaryRow): ProductSummary & { createdAt: string } {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brand: row.brand,
    priceMinor: row.price_minor,
    currency: row.currency.trim(),
    image: row.image,
    ratingAverage: row.rating_average,
    ratingCount: row.rating_count,
    category: { slug: row.category_slug, name: row.category_name },
    available: row.available,
    sold: row.sold,
    weightGrams: row.weight_grams,
    createdAt: row.created_at.toISOString(),
  };
}

export class CatalogRepository {
  readonly #db: DbClient;
  #sales: Promise<SalesSnapshot> | undefined;

  constructor(db: DbClient) {
    this.#db = db;
  }

  /**
   * Units sold per product over 90 days, aggregated once a minute and shared by every query:
   * aggregating tens of thousands of order items per listing made a cold listing cost 75 ms.
   */
  #salesSnapshot(): Promise<SalesSnapshot> {
    const current = this.#sales;
    if (current) {
      return current.then((snapshot) => {
        if (Date.now() - snapshot.takenAt < SALES_SNAPSHOT_MS || this.#sales !== current)
          return this.#sales ?? current;
        this.#sales = undefined;
        return this.#salesSnapshot();
      });
    }
    const loading = this.#db.$queryRaw<{ product_id: number; sold: number }[]>`
        select oi.product_id, sum(oi.quantity)::int as sold
          from order_items oi join orders o on o.id = oi.order_id
         where o.created_at > now() - interval '90 days'
         group by oi.product_id`.then(
      (rows) => ({
        takenAt: Date.now(),
        productIds: rows.map((r) => r.product_id),
        sold: rows.map((r) => r.sold),
      }),
      (error: unknown) => {
        this.#sales = undefined;
        throw error;
      },
    );
    this.#sales = loading;
    return loading;
  }

  async categories(): Promise<CategorySummary[]> {
    const rows = await this.#db.category.findMany({
      orderBy: { position: "asc" },
      select: {
        slug: true,
        name: true,
        description: true,
        _count: { select: { products: { where: { active: true } } } },
      },
    });
    return rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      description: row.description,
      productCount: row._count.products,
    }));
  }

  /** One page plus one row more than asked, so the caller knows whether another page exists. */
  async listProducts(filter: ProductFilter, sort: Sort, cursor: Cursor | undefined, limit: number) {
    const where: Prisma.Sql[] = [Prisma.sql`p.active`];
    if (filter.category) where.push(Prisma.sql`c.slug = ${filter.category}`);
    if (filter.brands?.length) where.push(Prisma.sql`p.brand = any(${filter.brands})`);
    if (filter.minPriceMinor !== undefined) where.push(Prisma.sql`p.price_minor >= ${filter.minPriceMinor}`);
    if (filter.maxPriceMinor !== undefined) where.push(Prisma.sql`p.price_minor <= ${filter.maxPriceMinor}`);
    if (filter.inStock) where.push(Prisma.sql`coalesce(i.on_hand - i.reserved, 0) > 0`);
    if (cursor) where.push(after(sort, cursor));
    const rows = await this.#db.$queryRaw<SummaryRow[]>`
      ${selectFrom(await this.#salesSnapshot())}
      where ${Prisma.join(where, " and ")}
      order by ${ORDER[sort]}
      limit ${limit + 1}`;
    return rows.map(toSummary);
  }

  async productsByIds(ids: number[]) {
    const rows = await this.#db.$queryRaw<SummaryRow[]>`
      ${selectFrom(await this.#salesSnapshot())} where p.active and p.id = any(${ids}) order by p.id`;
    return rows.map(toSummary);
  }

  async productBySlug(slug: string): Promise<Omit<ProductDetail, "available" | "sold"> | null> {
    const row = await this.#db.product.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        name: true,
        brand: true,
        description: true,
        priceMinor: true,
        currency: true,
        image: true,
        weightGrams: true,
        ratingAverage: true,
        ratingCount: true,
        active: true,
        category: { select: { slug: true, name: true } },
      },
    });
    if (!row?.active) return null;
    const { active: _active, ...product } = row;
    return { ...product, currency: product.currency.trim() };
  }

  /** Live stock for one product (never cached: stock moves every second in a sale) and its sales. */
  async stockAndSales(productId: number): Promise<{ available: number; sold: number }> {
    const [row] = await this.#db.$queryRaw<{ available: number }[]>`
      select greatest(on_hand - reserved, 0)::int as available from inventory where product_id = ${productId}`;
    const sales = await this.#salesSnapshot();
    return { available: row?.available ?? 0, sold: sales.sold[sales.productIds.indexOf(productId)] ?? 0 };
  }

  /**
   * Typo-tolerant search: pg_trgm word similarity of the query against name, brand, category and
   * keywords, plus plain substring matches, best first. The threshold is below pg_trgm's default
   * (0.6) so that a swapped pair of letters ("kettel") still finds "kettle"; the catalog is small
   * enough that scoring every row costs less than a millisecond.
   */
  async search(query: string, limit: number) {
    const needle = query.toLowerCase();
    const like = `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const rows = await this.#db.$queryRaw<(SummaryRow & { score: number })[]>`
      ${selectFrom(await this.#salesSnapshot())}
      where p.active
        and (word_similarity(${needle}, p.search_text) >= ${WORD_SIMILARITY_THRESHOLD} or p.search_text like ${like})
      order by word_similarity(${needle}, p.search_text) desc, sold desc, p.id asc
      limit ${limit}`;
    return rows.map(toSummary);
  }

  async ping(): Promise<void> {
    await this.#db.$queryRaw`select 1`;
  }
}
