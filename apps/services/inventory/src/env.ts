// The inventory service's configuration, validated once at start-up: a missing or malformed
// setting stops the process with one readable line instead of failing on the first request.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

export const inventoryEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4102),
  DATABASE_URL: z
    .string({ error: "is required (e.g. postgresql://postgres@127.0.0.1:5432/shop)" })
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  // Connections in this process's pool.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // How long a query waits for a free connection before the call is shed as busy (503 +
  // Retry-After): the service's backpressure. A healthy pool hands out a connection in under a
  // millisecond; waiting longer than a quarter second only turns a saturated pool into slow
  // answers (each request queues once per query). Shedding that early fails fast instead: under
  // saturation the error rate rises while the requests served stay quick, and the service sheds
  // long before its callers' 2 s timeout (a 504, and a retry that adds load).
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(250),
  // How often expired reservations give their units back. Lower bound: a sweep is a query, not a spin.
  INVENTORY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  // How often products whose free stock fell to their reorder point are restocked to their par
  // level (restock.ts): the warehouse's delivery round. A product may stay sold out until then.
  INVENTORY_RESTOCK_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  // The reorder point as a share of the par level: 0.2 restocks a product stocked at 150 once 30
  // or fewer are free; 0 waits until it is sold out. At most half: a delivery round tops up
  // products that have really sold down, not every product that sold a unit since the last one.
  INVENTORY_REORDER_SHARE: z.coerce.number().min(0).max(0.5).default(0.2),
  // How long a reservation queues for a hot product's locked rows before it answers 504. The
  // reservation transaction's own timeout (15 s, inventory-rows.ts) must outlast this wait plus
  // inventory.contention's longest hold (5 s), hence the upper bound.
  INVENTORY_LOCK_TIMEOUT_MS: z.coerce.number().int().min(50).max(8_000).default(5_000),
});

export type InventoryEnv = z.infer<typeof inventoryEnvSchema>;

export function inventoryEnv(source: Record<string, string | undefined> = process.env): InventoryEnv {
  return parseServiceEnv("inventory", inventoryEnvSchema, source);
}
