// What the cart runs on, and the parts built from it: the router and the sweeper take the same
// dependencies, so main.ts and tests build both the same way (tests with a key prefix of their
// own and, where time matters, a clock they move).
import type { Redis } from "ioredis";
import {
  DEFAULT_CART_TTL_SECONDS,
  DEFAULT_RETENTION_GRACE_SECONDS,
  MAX_LINES_PER_CART,
  MAX_QUANTITY_PER_LINE,
} from "./cart-limits.ts";
import { CartStore } from "./cart-store.ts";
import { productCatalog } from "./product-catalog.ts";
import type { CatalogClient, ProductCatalog } from "./product-catalog.ts";

export interface CartDeps {
  redis: Redis;
  /** A typed client of the catalog service (`createServiceClient<CatalogRouter>`). */
  catalog: CatalogClient;
  /** Namespace of every key the cart writes. */
  keyPrefix?: string;
  ttlSeconds?: number;
  retentionGraceSeconds?: number;
  now?: () => Date;
}

export interface CartParts {
  store: CartStore;
  catalog: ProductCatalog;
  now: () => Date;
}

export function cartParts({
  redis,
  catalog,
  keyPrefix = "cart",
  ttlSeconds = DEFAULT_CART_TTL_SECONDS,
  retentionGraceSeconds = DEFAULT_RETENTION_GRACE_SECONDS,
  now = () => new Date(),
}: CartDeps): CartParts {
  return {
    store: new CartStore(redis, {
      keyPrefix,
      ttlSeconds,
      retentionGraceSeconds,
      maxQuantityPerLine: MAX_QUANTITY_PER_LINE,
      maxLines: MAX_LINES_PER_CART,
    }),
    catalog: productCatalog(catalog),
    now,
  };
}
