// A category: filters (brand, price, in stock), sort and pages, all in the URL, rendered on the
// server. The filter form is a plain GET form: it works before (and without) any script.
import type { Metadata } from "next";
import { ShopLink } from "../../../components/shop-link.tsx";
import { notFound } from "next/navigation";
import { ProductGrid } from "../../../components/product-card.tsx";
import { SORT_LABELS, listingHref, parseListingParams } from "../../../lib/listing-params.ts";
import { storefrontApi } from "../../../server/caller.ts";
import { categoriesOfRequest } from "../../../server/page-data.ts";
import { isBadRequest } from "../../../server/is-not-found.ts";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function categoryNamed(slug: string) {
  const categories = await categoriesOfRequest();
  return categories.find((category) => category.slug === slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await categoryNamed((await params).slug);
  return { title: category?.name ?? "Category not found" };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const category = await categoryNamed(slug);
  if (!category) notFound();
  const listing = parseListingParams(await searchParams);
  const api = await storefrontApi();
  const basePath = `/c/${slug}`;

  const query = {
    category: slug,
    sort: listing.sort,
    ...(listing.brands.length > 0 ? { brands: listing.brands } : {}),
    ...(listing.minPriceMinor !== undefined ? { minPriceMinor: listing.minPriceMinor } : {}),
    ...(listing.maxPriceMinor !== undefined ? { maxPriceMinor: listing.maxPriceMinor } : {}),
    ...(listing.inStock ? { inStock: true } : {}),
    limit: 12,
  };
  const [page, everything] = await Promise.all([
    api.catalog
      .list({ ...query, ...(listing.cursor ? { cursor: listing.cursor } : {}) })
      .catch((error: unknown) => {
        // A stale or edited cursor: start the listing again rather than failing.
        if (isBadRequest(error)) return api.catalog.list(query);
        throw error;
      }),
    api.catalog.list({ category: slug, limit: 48 }),
  ]);
  const brands = [...new Set(everything.items.map((product) => product.brand))].sort();

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <ShopLink href="/">Home</ShopLink>
          </li>
          <li aria-current="page">{category.name}</li>
        </ol>
      </nav>
      <h1>{category.name}</h1>
      <p>{category.description}</p>
      <div className="listing">
        <form className="filters" id="filters" method="get" action={basePath} aria-label="Filter products">
          <div className="field">
            <label htmlFor="sort">Sort by</label>
            <select id="sort" name="sort" defaultValue={listing.sort}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>Brand</legend>
            {brands.map((brand) => (
              <label key={brand} className="checkbox">
                <input
                  type="checkbox"
                  name="brand"
                  value={brand}
                  defaultChecked={listing.brands.includes(brand)}
                />
                {brand}
              </label>
            ))}
          </fieldset>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="min">Min price ($)</label>
              <input
                id="min"
                name="min"
                inputMode="decimal"
                defaultValue={listing.minPriceMinor !== undefined ? listing.minPriceMinor / 100 : ""}
              />
            </div>
            <div className="field">
              <label htmlFor="max">Max price ($)</label>
              <input
                id="max"
                name="max"
                inputMode="decimal"
                defaultValue={listing.maxPriceMinor !== undefined ? listing.maxPriceMinor / 100 : ""}
              />
            </div>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="stock" value="1" defaultChecked={listing.inStock} />
            In stock only
          </label>
          <button className="button" type="submit">
            Apply
          </button>
          <ShopLink href={basePath}>Clear filters</ShopLink>
        </form>
        <div>
          <div className="listing-bar">
            <span role="status">
              {page.items.length === 0
                ? "No products match these filters."
                : `Showing ${String(page.items.length)} products`}
            </span>
            <a href="#filters" className="filters-link">
              Filter and sort
            </a>
          </div>
          {page.items.length > 0 ? (
            <ProductGrid products={page.items} label={`${category.name} products`} />
          ) : (
            <p>
              Try fewer filters, or <ShopLink href={basePath}>see everything in {category.name}</ShopLink>.
            </p>
          )}
          <nav className="pagination" aria-label="Pages">
            {listing.cursor && <ShopLink href={listingHref(basePath, listing)}>First page</ShopLink>}
            {page.nextCursor && (
              <ShopLink href={listingHref(basePath, listing, { cursor: page.nextCursor })} rel="next">
                Next page
              </ShopLink>
            )}
          </nav>
        </div>
      </div>
    </>
  );
}
