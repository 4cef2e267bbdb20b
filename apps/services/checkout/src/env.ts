// The checkout service's settings: where the services it orchestrates live.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

const url = z.url({ protocol: /^https?$/ });

const checkoutEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4107),
  CATALOG_URL: url.default("http://127.0.0.1:4101"),
  INVENTORY_URL: url.default("http://127.0.0.1:4102"),
  CART_URL: url.default("http://127.0.0.1:4103"),
  ORDERS_URL: url.default("http://127.0.0.1:4104"),
  PAYMENT_URL: url.default("http://127.0.0.1:4105"),
  SHIPPING_URL: url.default("http://127.0.0.1:4106"),
  // Timeouts per call; the card processor is allowed longer than the rest.
  DOWNSTREAM_TIMEOUT_MS: z.coerce.number().int().min(50).default(2_000),
  PAYMENT_TIMEOUT_MS: z.coerce.number().int().min(50).default(5_000),
});

export type CheckoutEnv = z.infer<typeof checkoutEnvSchema>;

export function checkoutEnv(source: Record<string, string | undefined> = process.env): CheckoutEnv {
  return parseServiceEnv("checkout", checkoutEnvSchema, source);
}
