// The committed pictures are exactly what the generator draws for the current catalog, so a
// renamed or added product cannot ship with a stale or missing image.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/migrate/migrations-directory.ts";
import { catalog } from "../src/seed/catalog/index.ts";
import { MAX_SVG_BYTES, renderProductSvg } from "./generate-product-images.ts";

const folder = path.join(packageRoot, "assets", "products");

describe("product images", () => {
  it("are up to date with the generator (run `npm run images -w @shop/db` after catalog changes)", () => {
    for (const category of catalog) {
      for (const product of category.products) {
        const svg = renderProductSvg(product, category.slug);
        expect(readFileSync(path.join(folder, `${product.slug}.svg`), "utf8"), product.slug).toBe(svg);
        expect(Buffer.byteLength(svg)).toBeLessThan(MAX_SVG_BYTES);
        expect(svg).not.toMatch(/<image|url\(|<text|href=/);
      }
    }
  });

  it("has no picture that no product uses", () => {
    const slugs = new Set(catalog.flatMap((c) => c.products.map((p) => `${p.slug}.svg`)));
    expect(readdirSync(folder).filter((file) => !slugs.has(file))).toEqual([]);
  });

  it("draws the same bytes every time", () => {
    const category = catalog[0];
    const product = category?.products[0];
    if (!category || !product) throw new Error("empty catalog");
    expect(renderProductSvg(product, category.slug)).toBe(renderProductSvg(product, category.slug));
  });
});
