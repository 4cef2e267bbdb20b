// Catalog reads several parts of one render need (the layout's menu, generateMetadata and the
// page itself), fetched once per request: React's cache() is scoped to a server request, so a
// category page asks the catalog for its categories once instead of three times.
import "server-only";
import { cache } from "react";
import { storefrontApi } from "./caller.ts";

export const categoriesOfRequest = cache(async () => (await storefrontApi()).catalog.categories());

export const productOfRequest = cache(async (slug: string) =>
  (await storefrontApi()).catalog.product({ slug }),
);
