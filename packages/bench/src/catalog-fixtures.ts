// What the bench asks the shop for, read from the shop's own (seeded) database: products that are
// in stock (the checkout bench buys them), and search words taken from product names.
import pg from "pg";

export interface CatalogFixtures {
  /** Product ids with plenty of stock, most stocked first. */
  stockedProductIds: number[];
  /** One word from each of several product names (lower case, 4+ letters). */
  searchWords: string[];
  categorySlugs: string[];
}

export async function catalogFixtures(databaseUrl: string): Promise<CatalogFixtures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stocked = await client.query<{ id: number }>(
      `select p.id from products p join inventory i on i.product_id = p.id
        where p.active and i.on_hand - i.reserved >= 20
        order by i.on_hand - i.reserved desc limit 40`,
    );
    const names = await client.query<{ name: string }>("select name from products order by id limit 40");
    const categories = await client.query<{ slug: string }>("select slug from categories order by slug");
    const words = new Set<string>();
    for (const { name } of names.rows) {
      const word = name
        .toLowerCase()
        .split(/[^a-z]+/)
        .find((part) => part.length >= 4);
      if (word) words.add(word);
    }
    return {
      stockedProductIds: stocked.rows.map((row) => row.id),
      searchWords: [...words].slice(0, 12),
      categorySlugs: categories.rows.map((row) => row.slug),
    };
  } finally {
    await client.end();
  }
}
