// A category listing's state lives in its URL (shareable, back-button friendly, crawlable):
//   /c/kitchen?sort=price_asc&brand=Acme&brand=Birch&min=20&max=100&stock=1&cursor=...
// Values that make no sense are dropped, not errors: a hand-edited URL still shows a listing.
export const SORT_LABELS = {
  popular: "Most popular",
  rating: "Top rated",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
} as const;

export type SortKey = keyof typeof SORT_LABELS;

export interface ListingParams {
  sort: SortKey;
  brands: string[];
  minPriceMinor: number | undefined;
  maxPriceMinor: number | undefined;
  inStock: boolean;
  cursor: string | undefined;
}

type Raw = Record<string, string | string[] | undefined>;

function all(raw: Raw, key: string): string[] {
  const value = raw[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function dollarsToMinor(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,7}(\.\d{1,2})?$/.test(value)) return undefined;
  return Math.round(Number(value) * 100);
}

export function parseListingParams(raw: Raw): ListingParams {
  const sort = all(raw, "sort")[0];
  let min = dollarsToMinor(all(raw, "min")[0]);
  let max = dollarsToMinor(all(raw, "max")[0]);
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  const cursor = all(raw, "cursor")[0];
  return {
    sort: sort && Object.hasOwn(SORT_LABELS, sort) ? (sort as SortKey) : "popular",
    brands: all(raw, "brand")
      .map((brand) => brand.trim())
      .filter((brand) => brand.length > 0 && brand.length <= 60)
      .slice(0, 20),
    minPriceMinor: min,
    maxPriceMinor: max,
    inStock: all(raw, "stock")[0] === "1",
    cursor: cursor && cursor.length <= 200 ? cursor : undefined,
  };
}

/** The URL of this listing with some parameters changed (a new filter drops the page cursor). */
export function listingHref(
  basePath: string,
  params: ListingParams,
  change: Partial<ListingParams> = {},
): string {
  const next = { ...params, cursor: undefined, ...change };
  const search = new URLSearchParams();
  if (next.sort !== "popular") search.set("sort", next.sort);
  for (const brand of next.brands) search.append("brand", brand);
  if (next.minPriceMinor !== undefined) search.set("min", String(next.minPriceMinor / 100));
  if (next.maxPriceMinor !== undefined) search.set("max", String(next.maxPriceMinor / 100));
  if (next.inStock) search.set("stock", "1");
  if (next.cursor) search.set("cursor", next.cursor);
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}
