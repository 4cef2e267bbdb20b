// Search results, or help when there are none.
import type { Metadata } from "next";
import { ShopLink } from "../../components/shop-link.tsx";
import { ProductGrid } from "../../components/product-card.tsx";
import { storefrontApi } from "../../server/caller.ts";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  return { title: typeof q === "string" && q.trim() ? `Search: ${q.trim().slice(0, 80)}` : "Search" };
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = (typeof raw === "string" ? raw : "").trim().slice(0, 80);
  const api = await storefrontApi();
  if (query.length < 2) {
    return (
      <>
        <h1>Search</h1>
        <p role="status">Type at least 2 characters in the search box to find products.</p>
      </>
    );
  }
  const [{ items: results }, categories] = await Promise.all([
    api.catalog.search({ query }),
    api.catalog.categories(),
  ]);
  return (
    <>
      <h1>Results for “{query}”</h1>
      {results.length > 0 ? (
        <>
          <p role="status">
            {results.length} {results.length === 1 ? "product" : "products"} found
          </p>
          <ProductGrid products={results} label="Search results" />
        </>
      ) : (
        <div className="notice info" role="status">
          <h2>No products match “{query}”</h2>
          <p>
            Check the spelling, try a more general word (“jacket” rather than “waterproof hiking jacket”), or
            browse a category:
          </p>
          <ul>
            {categories.map((category) => (
              <li key={category.slug}>
                <ShopLink href={`/c/${category.slug}`}>{category.name}</ShopLink>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
