// Shape of the hand-written catalog the seed loads. The catalog is data, not generated: every
// product has its own name and description so the shop reads like a real one.
export interface ProductSeed {
  /** kebab-case, unique across the catalog; also names the product's picture. */
  slug: string;
  /** Unique across the catalog. */
  name: string;
  /** Fictional brand. */
  brand: string;
  /** 2 to 4 sentences about this product. */
  description: string;
  /** Price in cents (USD). */
  priceMinor: number;
  /** Shipping weight in grams. */
  weightGrams: number;
  /** Units on hand when the shop opens. */
  stock: number;
  /** 1-100: how often it sells in the seeded order history (bestsellers near 100). */
  popularity: number;
  /** Lower-case search keywords a shopper might type (synonyms, materials, uses). */
  tags: string[];
}

export interface CategorySeed {
  slug: string;
  name: string;
  /** One sentence for the category page. */
  description: string;
  products: ProductSeed[];
}
