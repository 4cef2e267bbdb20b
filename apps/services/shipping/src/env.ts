// The shipping service's configuration, validated once at start-up: a malformed setting stops the
// process with one readable line instead of failing on the first request.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

export const shippingEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4106),
});

export type ShippingEnv = z.infer<typeof shippingEnvSchema>;

export function shippingEnv(source: Record<string, string | undefined> = process.env): ShippingEnv {
  return parseServiceEnv("shipping", shippingEnvSchema, source);
}
