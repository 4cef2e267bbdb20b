// A real catalog service for the cart to call: the catalog's own router over HTTP on a free port,
// with its cache under the test run's Redis namespace.
import { createCatalog } from "@shop/catalog-service";
import type { CatalogRouter } from "@shop/catalog-service";
import type { DbClient } from "@shop/db";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { Redis } from "ioredis";

export async function startCatalog(db: DbClient, redis: Redis, cachePrefix: string) {
  const catalog = createCatalog(db, redis, { cachePrefix });
  const server = await startServiceServer({ name: "catalog", router: catalog.router, port: 0 });
  const client = createServiceClient<CatalogRouter>({
    service: "catalog",
    url: server.url,
    timeoutMs: 10_000,
  });
  return { url: server.url, client, stop: () => server.stop() };
}

export type CatalogServer = Awaited<ReturnType<typeof startCatalog>>;
