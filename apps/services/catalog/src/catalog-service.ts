// The catalog's rules: what is cached for how long, how pages are cut, what "not found" means.
import { DomainError } from "@shop/service-kit";
import type { CatalogCache } from "./catalog-cache.ts";
import type { CatalogRepository } from "./catalog-repository.ts";
import { sortKey } from "./catalog-repository.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import type { CategorySummary, ProductDetail, ProductFacts, ProductPage, ProductSummary } from "./model.ts";
import type { ListProductsInput, SearchInput } from "./schemas.ts";

// Listings may show stock up to this stale; a product page reads stock live.
const TTL_SECONDS = { categories: 300, list: 30, product: 300, search: 60 } as const;

function stripInternal<T extends { createdAt: string }>(row: T): Omit<T, "createdAt"> {
  const { createdAt: _createdAt, ...rest } = row;
  return rest;
}

export class CatalogService {
  readonly #repository: CatalogRepository;
  readonly #cache: CatalogCache;

  constructor(repository: CatalogRepository, cache: CatalogCache) {
    this.#repository = repository;
    this.#cache = cache;
  }

  categories(): Promise<CategorySummary[]> {
    return this.#cache.getOrLoad("categories", "all", TTL_SECONDS.categories, () =>
      this.#repository.categories(),
    );
  }

  listProducts(input: ListProductsInput): Promise<ProductPage> {
    const cursor = input.cursor === undefined ? undefined : decodeCursor(input.cursor, input.sort);
    const key = JSON.stringify({ ...input, brands: input.brands?.slice().sort() });
    return this.#cache.getOrLoad("list", key, TTL_SECONDS.list, async () => {
      const rows = await this.#repository.listProducts(input, input.sort, cursor, input.limit);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      const more = rows.length > input.limit && last !== undefined;
      return {
        items: page.map(stripInternal),
        nextCursor: more ? encodeCursor({ s: input.sort, k: sortKey(input.sort, last), id: last.id }) : null,
      };
    });
  }

  async productsByIds(ids: number[]): Promise<ProductFacts[]> {
    const rows = await this.#repository.productsByIds([...new Set(ids)]);
    return rows.map(stripInternal);
  }

  async product(slug: string): Promise<ProductDetail> {
    const product = await this.#cache.getOrLoad("product", slug, TTL_SECONDS.product, () =>
      this.#repository.productBySlug(slug),
    );
    if (!product) throw new DomainError("NOT_FOUND", `No product called "${slug}"`);
    return { ...product, ...(await this.#repository.stockAndSales(product.id)) };
  }

  async search(input: SearchInput): Promise<{ query: string; items: ProductSummary[] }> {
    const query = input.query.replace(/\s+/g, " ");
    const items = await this.#cache.getOrLoad(
      "search",
      `${query.toLowerCase()}|${String(input.limit)}`,
      TTL_SECONDS.search,
      async () => (await this.#repository.search(query, input.limit)).map(stripInternal),
    );
    return { query, items };
  }

  async invalidate(): Promise<{ version: number }> {
    return { version: await this.#cache.invalidate() };
  }
}
