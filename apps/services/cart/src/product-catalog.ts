// The catalog as the cart needs it: the current facts (name, price, stock) of the products in a
// cart, asked of the catalog service over tRPC on every read, so a cart never shows a stale price.
import type { CatalogRouter, ProductSummary } from "@shop/catalog-service";
import type { createServiceClient } from "@shop/service-kit";

export type CatalogClient = ReturnType<typeof createServiceClient<CatalogRouter>>;

export type CatalogProduct = Pick<
  ProductSummary,
  "id" | "slug" | "name" | "image" | "priceMinor" | "currency" | "available"
>;

/** The catalog's productsByIds accepts at most this many ids per call. */
const MAX_IDS_PER_CALL = 100;

export interface ProductCatalog {
  /** The products the catalog still sells, by id; an inactive or unknown id is simply absent. */
  productsByIds: (ids: readonly number[]) => Promise<Map<number, CatalogProduct>>;
}

export function productCatalog(client: CatalogClient): ProductCatalog {
  return {
    async productsByIds(ids) {
      const unique = [...new Set(ids)];
      const chunks: number[][] = [];
      for (let start = 0; start < unique.length; start += MAX_IDS_PER_CALL) {
        chunks.push(unique.slice(start, start + MAX_IDS_PER_CALL));
      }
      const pages = await Promise.all(chunks.map((chunk) => client.productsByIds.query({ ids: chunk })));
      return new Map(pages.flat().map((product) => [product.id, product]));
    },
  };
}
