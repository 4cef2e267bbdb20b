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
