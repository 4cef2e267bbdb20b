// Anything that is not here: say so, and offer a way on.
import { ShopLink } from "../components/shop-link.tsx";

export default function NotFound() {
  return (
    <div style={{ padding: "3rem 0" }}>
      <h1>We could not find that page</h1>
      <p>The product may have been retired, or the address may have a typo.</p>
      <form action="/search" method="get" role="search" className="search-form" style={{ maxWidth: "28rem" }}>
        <label htmlFor="not-found-search" className="visually-hidden">
          Search products
        </label>
        <input id="not-found-search" name="q" type="search" placeholder="Search products" />
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <p>
        <ShopLink href="/">Go to the home page</ShopLink>
      </p>
    </div>
  );
}
