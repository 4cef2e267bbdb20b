import { describe, expect, it } from "vitest";
import { BUSY_RETRY_AFTER_SECONDS, isBackpressure, retryAfterSeconds, serviceBusy } from "./backpressure.ts";
import { DomainError } from "./domain-errors.ts";

describe("isBackpressure", () => {
  it("finds a saturated dependency by its code or mark anywhere in the cause chain", () => {
    // What Prisma rethrows for @shop/db's ConnectionAcquireTimeoutError: its own class, our code.
    const prismaError = Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), {
      code: "DB_CONNECTION_ACQUIRE_TIMEOUT",
    });
    expect(isBackpressure(prismaError)).toBe(true);
    expect(isBackpressure(new Error("wrapped", { cause: prismaError }))).toBe(true);
    expect(isBackpressure(Object.assign(new Error("saturated"), { backpressure: true }))).toBe(true);
  });

  it("does not mistake other failures for backpressure", () => {
    expect(isBackpressure(undefined)).toBe(false);
    expect(isBackpressure("timeout")).toBe(false);
    expect(isBackpressure(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isBackpressure(new Error("outer", { cause: new Error("inner") }))).toBe(false);
  });
});

describe("retryAfterSeconds", () => {
  it("is the busy error's wait, and nothing for other errors", () => {
    expect(retryAfterSeconds([serviceBusy("catalog", undefined)])).toBe(BUSY_RETRY_AFTER_SECONDS);
    const relayed = new DomainError("SERVICE_BUSY", "inventory is busy", {
      details: { retryAfterSeconds: 4.2 },
    });
    expect(retryAfterSeconds([new DomainError("NOT_FOUND", "gone"), relayed])).toBe(5);
    expect(retryAfterSeconds([new DomainError("DEPENDENCY_UNAVAILABLE", "down")])).toBeUndefined();
    expect(retryAfterSeconds([])).toBeUndefined();
  });
});
