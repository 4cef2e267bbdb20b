// The payment service's configuration, validated once at start-up: a missing or malformed setting
// stops the process with one readable line instead of failing on the first charge.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

export const paymentEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4105),
  DATABASE_URL: z
    .string({ error: "is required (e.g. postgresql://postgres@127.0.0.1:5432/shop)" })
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  // Connections in this process's pool. A charge holds one for the processor's answer (see
  // payment-repository.ts), so this also bounds the charges in flight.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // How long a query waits for a free connection before the call is shed as busy (503 +
  // Retry-After): the service's backpressure. A healthy pool hands out a connection in under a
  // millisecond; waiting longer than a quarter second only turns a saturated pool into slow
  // answers (each request queues once per query). Shedding that early fails fast instead: under
  // saturation the error rate rises while the requests served stay quick, and the service sheds
  // long before its callers' 2 s timeout (a 504, and a retry that adds load).
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(250),
  // The simulated processor's median answer time; 0 answers at once (tests). The upper bound
  // keeps the 10x tail inside a charge's transaction timeout that a person would still wait for.
  PAYMENT_LATENCY_MS: z.coerce.number().int().min(0).max(5_000).default(120),
  // How often charges a dead checkout left behind are settled (orphan-sweeper.ts). At most a day:
  // a timer longer than 2^31 ms fires at once.
  PAYMENT_ORPHAN_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  // How long a captured charge without an order must stay untouched to count as left behind. A
  // checkout links or refunds its charge within seconds (its refund retries for about 9 s), and a
  // retry of the same checkout refreshes the charge, so 10 minutes is long past any checkout
  // still working on it.
  PAYMENT_ORPHAN_AGE_MS: z.coerce.number().int().min(60_000).max(604_800_000).default(600_000),
});

export type PaymentEnv = z.infer<typeof paymentEnvSchema>;

export function paymentEnv(source: Record<string, string | undefined> = process.env): PaymentEnv {
  return parseServiceEnv("payment", paymentEnvSchema, source);
}
