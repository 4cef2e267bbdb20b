// The catalog's procedures: validate, call the service. No rules live here.
import { initServiceTRPC } from "@shop/service-kit";
import type { CatalogService } from "./catalog-service.ts";
import { listProductsInput, productInput, productsByIdsInput, searchInput } from "./schemas.ts";

export function createCatalogRouter(service: CatalogService) {
  const t = initServiceTRPC("catalog");
  return t.router({
    categories: t.procedure.query(() => service.categories()),
    products: t.procedure.input(listProductsInput).query(({ input }) => service.listProducts(input)),
    productsByIds: t.procedure
      .input(productsByIdsInput)
      .query(({ input }) => service.productsByIds(input.ids)),
    product: t.procedure.input(productInput).query(({ input }) => service.product(input.slug)),
    search: t.procedure.input(searchInput).query(({ input }) => service.search(input)),
    /** Called when prices or the catalog change (stock is never cached long enough to need it). */
    invalidate: t.procedure.mutation(() => service.invalidate()),
  });
}

export type CatalogRouter = ReturnType<typeof createCatalogRouter>;
