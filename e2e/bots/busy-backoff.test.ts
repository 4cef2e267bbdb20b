import { describe, expect, it } from "vitest";
import { BUSY_RETRIES, busyBackoffMs, isBusyResponse, looksBusy } from "./busy-backoff.ts";

describe("busy backoff", () => {
  it("waits longer each try, jittered within the upper half, and capped", () => {
    expect([0, 1, 2].map((attempt) => busyBackoffMs(attempt, () => 0))).toEqual([500, 1_000, 2_000]);
    expect([0, 1, 2].map((attempt) => busyBackoffMs(attempt, () => 0.999_999))).toEqual([
      1_000, 2_000, 4_000,
    ]);
    expect(busyBackoffMs(20, () => 1)).toBe(15_000);
    expect(BUSY_RETRIES).toBeGreaterThanOrEqual(2);
  });

  it("reads the shop's busy answers, and only those", () => {
    expect(looksBusy("The shop is busy right now, please try again")).toBe(true);
    expect(looksBusy({ placed: false, message: "We are busy: try again in a moment" })).toBe(true);
    expect(looksBusy("Added to your cart")).toBe(false);
    expect(looksBusy({ placed: false, message: "Payment declined" })).toBe(false);
    expect(looksBusy(undefined)).toBe(false);
    const api = "http://127.0.0.1:3000/api/trpc/cart.add?batch=1";
    expect(isBusyResponse({ status: 503, url: api, isDocument: false })).toBe(true);
    expect(isBusyResponse({ status: 503, url: "http://127.0.0.1:3000/p/kettle", isDocument: true })).toBe(
      true,
    );
    const navigation = "http://127.0.0.1:3000/c/audio?_rsc=1x2y";
    expect(isBusyResponse({ status: 503, url: navigation, isDocument: false })).toBe(true);
    expect(isBusyResponse({ status: 500, url: api, isDocument: false })).toBe(false);
    // A side request (RUM, an image) shed by someone else is not the shop saying "busy".
    expect(isBusyResponse({ status: 503, url: "http://127.0.0.1:3000/api/rum", isDocument: false })).toBe(
      false,
    );
  });
});
