// What the catalog returns. Plain JSON (no Dates): the same shapes are cached in Redis.

export interface CategorySummary {
  slug: string;
  name: string;
  description: string;
  productCount: number;
}

export interface ProductSummary {
  id: number;
  slug: string;
  name: string;
  brand: string;
  priceMinor: number;
  currency: string;
  image: string;
  ratingAverage: number;
  ratingCount: number;
  category: { slug: string; name: string };
  /** Units that can be bought now (on hand minus reserved). In listings it may lag by the cache TTL. */
  available: number;
  /** Units sold over every recorded order, read live: what "popular" sorts by. */
  sold: number;
  /** Shipping weight. */
  weightGrams: number;
}

export interface ProductDetail extends ProductSummary {
  description: string;
}

export interface ProductPage {
  items: ProductSummary[];
  /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}
