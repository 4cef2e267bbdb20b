// Covers how a busy service is recognised and how long the browser is asked to wait.
import { DomainError } from "@shop/service-kit";
import { describe, expect, it } from "vitest";
import { isBusyDigest } from "../lib/busy.ts";
import { DEFAULT_RETRY_AFTER_S, isBusyError, markBusyForErrorPage, retryAfterSeconds } from "./busy.ts";

const busy = (details?: Record<string, unknown>) =>
  Object.assign(new Error("busy"), { domainCode: "SERVICE_BUSY", ...(details ? { details } : {}) });

describe("isBusyError", () => {
  it("is true for the SERVICE_BUSY domain code only", () => {
    expect(isBusyError(busy())).toBe(true);
    expect(isBusyError(new DomainError("DEPENDENCY_UNAVAILABLE", "down"))).toBe(false);
    expect(isBusyError(new Error("boom"))).toBe(false);
    expect(isBusyError(null)).toBe(false);
    expect(isBusyError("SERVICE_BUSY")).toBe(false);
  });
});

describe("retryAfterSeconds", () => {
  it("uses what the service said, whole seconds, within a minute", () => {
    expect(retryAfterSeconds(busy({ retryAfterSeconds: 3 }))).toBe(3);
    expect(retryAfterSeconds(busy({ retryAfterSeconds: 1.2 }))).toBe(2);
    expect(retryAfterSeconds(busy({ retryAfterSeconds: 3_600 }))).toBe(60);
  });

  it("falls back to the default for anything else", () => {
    for (const said of [undefined, 0, -5, "3", Number.NaN]) {
      expect(retryAfterSeconds(busy({ retryAfterSeconds: said }))).toBe(DEFAULT_RETRY_AFTER_S);
    }
    expect(retryAfterSeconds(busy())).toBe(DEFAULT_RETRY_AFTER_S);
  });
});

describe("markBusyForErrorPage", () => {
  it("gives a busy error a busy digest, and leaves other errors alone", () => {
    const error: Error & { digest?: string } = busy();
    markBusyForErrorPage(error);
    expect(isBusyDigest(error.digest)).toBe(true);
    const other: Error & { digest?: string } = new Error("boom");
    markBusyForErrorPage(other);
    expect(other.digest).toBeUndefined();
    expect(isBusyDigest(undefined)).toBe(false);
  });
});
