// Browsing: categories, listings, search, product pages and what goes with them. The catalog is
// required; recommendations are optional everywhere (a page renders without them).
import { recordDegradation } from "@shop/telemetry";
import { z } from "zod";
import { backendServices } from "../services.ts";
import { procedure, router } from "../trpc.ts";

export const SORTS = ["popular", "price_asc", "price_desc", "newest", "rating"] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "not a valid name" })
  .max(120);

export const listInput = z.object({
  category: slug.optional(),
  brands: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  minPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
  maxPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
  inStock: z.boolean().optional(),
  sort: z.enum(SORTS).default("popular"),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(48).default(24),
});
export type ListInput = z.input<typeof listInput>;

/** Products that go with these ones, as product cards; empty when recommendations are down. */
async function productsBoughtWith(productIds: number[], limit: number) {
  const { catalog, recommendations } = backendServices();
  try {
    const { items } =
      productIds.length === 1
        ? await recommendations.forProduct.query({ productId: productIds[0] ?? 0, limit })
        : await recommendations.forCart.query({ productIds, limit });
    if (items.length === 0) return [];
    const products = await catalog.productsByIds.query({ ids: items.map((item) => item.productId) });
    return products.filter((product) => product.available > 0 && !productIds.includes(product.id));
  } catch (error) {
    recordDegradation("recommendations", error);
    return [];
  }
}

export const catalogRouter = router({
  categories: procedure.query(() => backendServices().catalog.categories.query()),

  home: procedure
    .input(z.object({ cartProductIds: z.array(z.number().int().positive()).max(30) }))
    .query(async ({ input }) => {
      const { catalog } = backendServices();
      const [categories, bestsellers, topRated, forCart] = await Promise.all([
        catalog.categories.query(),
        catalog.products.query({ sort: "popular", inStock: true, limit: 8 }),
        catalog.products.query({ sort: "rating", inStock: true, limit: 8 }),
        input.cartProductIds.length > 0 ? productsBoughtWith(input.cartProductIds, 4) : Promise.resolve([]),
      ]);
      return {
        categories,
        bestsellers: bestsellers.items,
        recommended:
          forCart.length > 0
            ? { basis: "cart" as const, items: forCart }
            : { basis: "rating" as const, items: topRated.items.slice(0, 4) },
      };
    }),

  list: procedure.input(listInput).query(({ input }) => backendServices().catalog.products.query(input)),

  search: procedure
    .input(z.object({ query: z.string().trim().min(2, { error: "type at least 2 characters" }).max(80) }))
    .query(({ input }) => backendServices().catalog.search.query({ query: input.query, limit: 24 })),

  product: procedure
    .input(z.object({ slug }))
    .query(({ input }) => backendServices().catalog.product.query(input)),

  boughtTogether: procedure
    .input(z.object({ productId: z.number().int().positive() }))
    .query(({ input }) => productsBoughtWith([input.productId], 4)),
});
