// What the catalog returns. Plain JSON (no Dates): the same shapes are cached in Redis.

export interface CategorySummary {
  slug: string;
  name: string;
  description: string;
  productCount: number;
}

/** A product's current facts: what pricing a cart, weighing a parcel or showing a card needs. */
export interface ProductFacts {
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
  /** Shipping weight. */
  weightGrams: number;
}

/** A product as listings and search return it. */
export interface ProductSummary extends ProductFacts {
  /** Units sold over every recorded order, read live: what "popular" sorts by. */
  sold: number;
}

export interface ProductDetail extends ProductSummary {
  description: string;
}

export interface ProductPage {
  items: ProductSummary[];
  /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}
