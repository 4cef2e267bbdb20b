// The cart service's configuration, validated once at start-up: a missing or malformed setting
// stops the process with one readable line instead of failing on the first request.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

export const cartEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4103),
  REDIS_URL: z
    .string({ error: "is required (e.g. redis://127.0.0.1:6379)" })
    .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" }),
  CATALOG_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// URL" })
    .default("http://127.0.0.1:4101"),
  // How long a cart lives after its last change; an expired cart with items counts as abandoned.
  CART_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3_600)
    .default(7_200),
  // How often expired carts are counted as abandoned. Lower bound: a sweep is Redis calls, not a spin.
  CART_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
  // Namespace of the cart keys, for when several shops (or test runs) share one Redis.
  CART_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,60}$/, { error: "must be 1 to 60 characters of A-Z, a-z, 0-9, :, - and _" })
    .default("cart"),
});

export type CartEnv = z.infer<typeof cartEnvSchema>;

export function cartEnv(source: Record<string, string | undefined> = process.env): CartEnv {
  return parseServiceEnv("cart", cartEnvSchema, source);
}
