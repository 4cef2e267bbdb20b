// The inventory's procedures, built from the dependencies they need: main.ts passes the real
// database client; tests pass a database of their own and, where time matters, a clock.
import type { DbClient } from "@shop/db";
import { createInventoryRepository } from "./inventory-repository.ts";
import { DEFAULT_LOCK_TIMEOUT_MS } from "./inventory-rows.ts";
import { createInventoryService, DEFAULT_RESERVATION_TTL_SECONDS } from "./inventory-service.ts";
import { availabilityProcedure } from "./procedures/availability.ts";
import { commitProcedure } from "./procedures/commit.ts";
import { releaseProcedure } from "./procedures/release.ts";
import { reserveProcedure } from "./procedures/reserve.ts";
import { router } from "./trpc.ts";

export interface InventoryRouterDeps {
  db: DbClient;
  now?: () => Date;
  /** How long a reservation holds its units when the caller does not say. */
  reservationTtlSeconds?: number;
  /** How long a reservation waits for locked inventory rows before it answers DEPENDENCY_TIMEOUT. */
  lockTimeoutMs?: number;
}

export function createInventoryRouter({
  db,
  now = () => new Date(),
  reservationTtlSeconds = DEFAULT_RESERVATION_TTL_SECONDS,
  lockTimeoutMs = DEFAULT_LOCK_TIMEOUT_MS,
}: InventoryRouterDeps) {
  const service = createInventoryService({
    repository: createInventoryRepository(db),
    now,
    defaultTtlSeconds: reservationTtlSeconds,
    lockTimeoutMs,
  });
  return router({
    availability: availabilityProcedure(service),
    reserve: reserveProcedure(service),
    commit: commitProcedure(service),
    release: releaseProcedure(service),
  });
}

export type InventoryRouter = ReturnType<typeof createInventoryRouter>;
