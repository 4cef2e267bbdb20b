// The catalog service's settings.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

const catalogEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" }),
  // Namespace of the cache keys, for when several catalogs (databases) share one Redis.
  CATALOG_CACHE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]{1,40}$/)
    .default("catalog"),
});

export type CatalogEnv = z.infer<typeof catalogEnvSchema>;

export function catalogEnv(source: Record<string, string | undefined> = process.env): CatalogEnv {
  return parseServiceEnv("catalog", catalogEnvSchema, source);
}
