// The orders service's settings.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

const ordersEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4104),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export type OrdersEnv = z.infer<typeof ordersEnvSchema>;

export function ordersEnv(source: Record<string, string | undefined> = process.env): OrdersEnv {
  return parseServiceEnv("orders", ordersEnvSchema, source);
}
