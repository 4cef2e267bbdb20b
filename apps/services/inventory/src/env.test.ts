import { describe, expect, it } from "vitest";
import { inventoryEnv } from "./env.ts";

const required = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/shop" };

describe("the inventory's lock timeout", () => {
  it("waits 5 s for a hot product's locked rows unless told otherwise", () => {
    expect(inventoryEnv(required).INVENTORY_LOCK_TIMEOUT_MS).toBe(5_000);
    expect(inventoryEnv({ ...required, INVENTORY_LOCK_TIMEOUT_MS: "750" }).INVENTORY_LOCK_TIMEOUT_MS).toBe(
      750,
    );
  });

  it("refuses a wait the reservation transaction could not outlast, saying why", () => {
    expect(() => inventoryEnv({ ...required, INVENTORY_LOCK_TIMEOUT_MS: "9000" })).toThrow(
      "Invalid inventory configuration: INVENTORY_LOCK_TIMEOUT_MS",
    );
    expect(() => inventoryEnv({ ...required, INVENTORY_LOCK_TIMEOUT_MS: "soon" })).toThrow(
      /INVENTORY_LOCK_TIMEOUT_MS/,
    );
  });
});

describe("restocking", () => {
  it("runs every 5 minutes and reorders at a fifth of the par level unless told otherwise", () => {
    const env = inventoryEnv(required);
    expect(env.INVENTORY_RESTOCK_INTERVAL_MS).toBe(300_000);
    expect(env.INVENTORY_REORDER_SHARE).toBe(0.2);
    const tuned = inventoryEnv({
      ...required,
      INVENTORY_RESTOCK_INTERVAL_MS: "60000",
      INVENTORY_REORDER_SHARE: "0",
    });
    expect(tuned.INVENTORY_RESTOCK_INTERVAL_MS).toBe(60_000);
    expect(tuned.INVENTORY_REORDER_SHARE).toBe(0);
  });

  it("refuses a reorder point over half the par level, or a delivery round that would spin", () => {
    expect(() => inventoryEnv({ ...required, INVENTORY_REORDER_SHARE: "0.6" })).toThrow(
      /INVENTORY_REORDER_SHARE/,
    );
    expect(() => inventoryEnv({ ...required, INVENTORY_REORDER_SHARE: "-0.1" })).toThrow(
      /INVENTORY_REORDER_SHARE/,
    );
    expect(() => inventoryEnv({ ...required, INVENTORY_RESTOCK_INTERVAL_MS: "10" })).toThrow(
      /INVENTORY_RESTOCK_INTERVAL_MS/,
    );
  });
});
