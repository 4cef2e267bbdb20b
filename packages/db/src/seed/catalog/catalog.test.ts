// Data quality of the hand-written catalog: what a shopper would notice if it were wrong.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../migrate/migrations-directory.ts";
import { productImage } from "../seed.ts";
import { catalog } from "./index.ts";

const products = catalog.flatMap((category) =>
  category.products.map((product) => ({ ...product, category })),
);

function sentences(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/).filter((part) => part.trim().length > 0).length;
}

describe("catalog", () => {
  it("has at least 120 products in at least 8 categories, each with at least 8 products", () => {
    expect(products.length).toBeGreaterThanOrEqual(120);
    expect(catalog.length).toBeGreaterThanOrEqual(8);
    for (const category of catalog) expect(category.products.length, category.slug).toBeGreaterThanOrEqual(8);
  });

  it("never repeats a slug, name or description", () => {
    for (const key of ["slug", "name", "description"] as const) {
      const values = products.map((product) => product[key].trim().toLowerCase());
      const repeated = values.filter((value, index) => values.indexOf(value) !== index);
      expect(repeated, key).toEqual([]);
    }
    expect(new Set(catalog.map((c) => c.slug)).size).toBe(catalog.length);
  });

  it("describes each product in 2 to 4 sentences", () => {
    for (const product of products) {
      const count = sentences(product.description);
      expect(count, `${product.slug}: ${product.description}`).toBeGreaterThanOrEqual(2);
      expect(count, `${product.slug}: ${product.description}`).toBeLessThanOrEqual(4);
    }
  });

  it("gives every product a brand, a price, a weight, stock, keywords and an image file that exists", () => {
    for (const product of products) {
      expect(product.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(product.brand.trim()).not.toBe("");
      expect(Number.isInteger(product.priceMinor) && product.priceMinor > 0, product.slug).toBe(true);
      expect(Number.isInteger(product.weightGrams) && product.weightGrams > 0, product.slug).toBe(true);
      expect(Number.isInteger(product.stock) && product.stock > 0, product.slug).toBe(true);
      expect(product.popularity).toBeGreaterThanOrEqual(1);
      expect(product.popularity).toBeLessThanOrEqual(100);
      expect(product.tags.length).toBeGreaterThanOrEqual(2);
      expect(existsSync(path.join(packageRoot, "assets", productImage(product.slug))), product.slug).toBe(
        true,
      );
    }
  });
});
