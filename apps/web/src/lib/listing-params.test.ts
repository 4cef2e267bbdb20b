// Covers reading a category listing's state from its URL and writing it back (listingHref).
import { describe, expect, it } from "vitest";
import { listingHref, parseListingParams } from "./listing-params.ts";
import type { ListingParams } from "./listing-params.ts";

const DEFAULTS: ListingParams = {
  sort: "popular",
  brands: [],
  minPriceMinor: undefined,
  maxPriceMinor: undefined,
  inStock: false,
  cursor: undefined,
};

/** What a page receives as searchParams for an href (repeated keys become arrays, as in Next). */
function searchParamsOf(href: string): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(href, "https://shop.example").searchParams) {
    const seen = raw[key];
    raw[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return raw;
}

describe("parseListingParams", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseListingParams({})).toEqual(DEFAULTS);
  });

  it("keeps a known sort and drops an unknown one", () => {
    expect(parseListingParams({ sort: "price_desc" }).sort).toBe("price_desc");
    expect(parseListingParams({ sort: ["rating", "newest"] }).sort).toBe("rating");
    expect(parseListingParams({ sort: "cheapest" }).sort).toBe("popular");
    expect(parseListingParams({ sort: "" }).sort).toBe("popular");
  });

  // Fails today: `sort in SORT_LABELS` also sees Object.prototype (see the report).
  it("drops a sort named after an Object.prototype member", () => {
    expect(parseListingParams({ sort: "toString" }).sort).toBe("popular");
  });

  it("trims brands, drops empty and over-long ones, and keeps at most 20", () => {
    expect(parseListingParams({ brand: "  Acme " }).brands).toEqual(["Acme"]);
    expect(parseListingParams({ brand: ["Acme", "   ", "x".repeat(61), "y".repeat(60)] }).brands).toEqual([
      "Acme",
      "y".repeat(60),
    ]);
    const many = Array.from({ length: 25 }, (_, i) => `Brand ${String(i)}`);
    expect(parseListingParams({ brand: many }).brands).toEqual(many.slice(0, 20));
  });

  it("reads prices in dollars as minor units", () => {
    const params = parseListingParams({ min: "20", max: "100.5" });
    expect([params.minPriceMinor, params.maxPriceMinor]).toEqual([2000, 10050]);
    expect(parseListingParams({ min: "0.29" }).minPriceMinor).toBe(29);
    expect(parseListingParams({ min: "0" }).minPriceMinor).toBe(0);
    expect(parseListingParams({ max: "9999999.99" }).maxPriceMinor).toBe(999999999);
  });

  it("swaps min and max when they are reversed", () => {
    const params = parseListingParams({ min: "100", max: "20" });
    expect([params.minPriceMinor, params.maxPriceMinor]).toEqual([2000, 10000]);
  });

  it("drops prices that are not plain dollar amounts", () => {
    for (const bad of ["-5", "abc", "1e3", "10.999", "12345678", " 10", "10.", ".5", "Infinity", ""]) {
      expect(parseListingParams({ min: bad }).minPriceMinor, bad).toBeUndefined();
    }
    // A bad bound does not take the good one with it.
    expect(parseListingParams({ min: "abc", max: "20" }).maxPriceMinor).toBe(2000);
  });

  it("is in stock only for stock=1", () => {
    expect(parseListingParams({ stock: "1" }).inStock).toBe(true);
    expect(parseListingParams({ stock: "true" }).inStock).toBe(false);
    expect(parseListingParams({ stock: "0" }).inStock).toBe(false);
  });

  it("keeps a cursor of up to 200 characters", () => {
    expect(parseListingParams({ cursor: "c".repeat(200) }).cursor).toBe("c".repeat(200));
    expect(parseListingParams({ cursor: "c".repeat(201) }).cursor).toBeUndefined();
    expect(parseListingParams({ cursor: "" }).cursor).toBeUndefined();
  });
});

describe("listingHref", () => {
  const full: ListingParams = {
    sort: "price_asc",
    brands: ["Acme & Sons", "Birch"],
    minPriceMinor: 1999,
    maxPriceMinor: 10050,
    inStock: true,
    cursor: "eyJvZmZzZXQiOjEyfQ",
  };

  it("is the bare path for the defaults (default sort omitted)", () => {
    expect(listingHref("/c/kitchen", DEFAULTS)).toBe("/c/kitchen");
    expect(listingHref("/c/kitchen", { ...DEFAULTS, inStock: true })).toBe("/c/kitchen?stock=1");
  });

  it("round-trips: the href parsed back gives the same params", () => {
    const href = listingHref("/c/kitchen", full, { cursor: full.cursor });
    expect(href.startsWith("/c/kitchen?sort=price_asc&")).toBe(true);
    expect(parseListingParams(searchParamsOf(href))).toEqual(full);
  });

  it("drops the page cursor when a filter changes, and keeps the other filters", () => {
    const href = listingHref("/c/kitchen", full, { brands: ["Birch"] });
    expect(parseListingParams(searchParamsOf(href))).toEqual({
      ...full,
      brands: ["Birch"],
      cursor: undefined,
    });
    expect(href).not.toContain("cursor=");
    expect(listingHref("/c/kitchen", full)).not.toContain("cursor=");
  });

  it("removes a filter that is changed back to its default", () => {
    const href = listingHref("/c/kitchen", full, {
      sort: "popular",
      minPriceMinor: undefined,
      inStock: false,
    });
    expect(parseListingParams(searchParamsOf(href))).toEqual({
      ...full,
      sort: "popular",
      minPriceMinor: undefined,
      inStock: false,
      cursor: undefined,
    });
    expect(href).not.toMatch(/sort=|min=|stock=/);
  });
});
