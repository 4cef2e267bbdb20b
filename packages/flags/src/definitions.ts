// Every failure mode the scenarios can switch, in one table: its key, what "on" looks like (a zod
// schema, so a typo in a console form or a timeline fails loudly), and what it does. A flag that
// is off reads as `false`; on, it reads as its parameters (`true` for the plain switches).
import { z } from "zod";

export const SERVICES_WITH_FAULTS = [
  "catalog",
  "inventory",
  "cart",
  "checkout",
  "payment",
  "orders",
  "shipping",
  "recommendations",
] as const;

const share = (what: string) =>
  z
    .number({ error: `${what} must be a number from 0 to 1` })
    .min(0, { error: `${what} must be at least 0` })
    .max(1, { error: `${what} must be at most 1` });

const millis = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of milliseconds` })
    .int({ error: `${what} must be whole milliseconds` })
    .min(0, { error: `${what} must be at least 0 ms` })
    .max(max, { error: `${what} must be at most ${String(max)} ms` });

export const FLAG_DEFINITIONS = {
  "db.missing_index": {
    description:
      "Drops the index the catalog's listings and search rely on (restored when the flag turns off): queries turn into sequential scans.",
    schema: z.literal(true),
  },
  "db.pool_exhaustion": {
    description:
      "Leaks a share of every service's database connections and makes each query hold its connection longer: requests wait for a connection, time out, and are shed with 503 + Retry-After.",
    schema: z.object({
      heldShare: share("heldShare"),
      holdMs: millis("holdMs", 10_000),
    }),
  },
  "inventory.contention": {
    description:
      "Reservations hold their row locks longer, so concurrent checkouts of the same (hot) products queue on each other.",
    schema: z.object({ lockHoldMs: millis("lockHoldMs", 5_000) }),
  },
  "cache.disabled": {
    description: "Catalog reads bypass Redis and go to PostgreSQL every time.",
    schema: z.literal(true),
  },
  "payment.degraded": {
    description: "The card processor answers slower and fails a share of charges.",
    // At most 3 s: with the processor's own worst case (10x its 120 ms median) a charge still
    // answers inside checkout's 5 s PAYMENT_TIMEOUT_MS. A charge slower than that would be given
    // up on by checkout and then commit: money taken for an order that was never placed.
    schema: z.object({
      extraLatencyMs: millis("extraLatencyMs", 3_000),
      errorRate: share("errorRate"),
    }),
  },
  "service.errors": {
    description: "A chosen service fails a share of its calls; its callers degrade as they were built to.",
    schema: z.object({
      service: z.enum(SERVICES_WITH_FAULTS, {
        error: `service must be one of ${SERVICES_WITH_FAULTS.join(", ")}`,
      }),
      rate: share("rate"),
    }),
  },
  "bots.traffic": {
    description:
      "The bot fleet's target (actions per minute) and, in a sale, the products it crowds onto; overrides the fleet's own shape while set.",
    schema: z.object({
      perMinute: z.number().min(0).max(10_000),
      hotProducts: z.array(z.string().min(1)).max(20).optional(),
      hotShare: share("hotShare").optional(),
    }),
  },
} as const satisfies Record<string, { description: string; schema: z.ZodType }>;

export type FlagKey = keyof typeof FLAG_DEFINITIONS;
export type FlagParams<K extends FlagKey> = z.infer<(typeof FLAG_DEFINITIONS)[K]["schema"]>;
/** What a flag reads as: false when off, its parameters when on. */
export type FlagValue<K extends FlagKey> = false | FlagParams<K>;

export const FLAG_KEYS = Object.keys(FLAG_DEFINITIONS) as FlagKey[];

export function isFlagKey(value: unknown): value is FlagKey {
  return typeof value === "string" && Object.hasOwn(FLAG_DEFINITIONS, value);
}

/** Parses a flag's "on" value; throws a ZodError naming the field when it is not valid. */
export function parseFlagParams<K extends FlagKey>(key: K, value: unknown): FlagParams<K> {
  return FLAG_DEFINITIONS[key].schema.parse(value) as FlagParams<K>;
}
