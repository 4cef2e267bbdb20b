export { createCatalog } from "./catalog.ts";
export { createCatalogRouter } from "./router.ts";
export type { CatalogRouter } from "./router.ts";
export type * from "./model.ts";
