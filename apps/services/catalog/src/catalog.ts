// Wires the catalog from its two resources, so main.ts and tests build it the same way.
import type { DbClient } from "@shop/db";
import type { Redis } from "ioredis";
import { CatalogCache } from "./catalog-cache.ts";
import { CatalogRepository } from "./catalog-repository.ts";
import { CatalogService } from "./catalog-service.ts";
import { createCatalogRouter } from "./router.ts";

export function createCatalog(db: DbClient, redis: Redis, options: { cachePrefix?: string } = {}) {
  const repository = new CatalogRepository(db);
  const cache = new CatalogCache(redis, options.cachePrefix);
  const service = new CatalogService(repository, cache);
  return { repository, cache, service, router: createCatalogRouter(service) };
}
