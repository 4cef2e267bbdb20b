// The header on every page: shop name, search, cart with its item count, and the categories.
import { ShopLink } from "./shop-link.tsx";

interface Props {
  categories: { slug: string; name: string }[];
  cartItemCount: number;
  query?: string;
}

export function SiteHeader({ categories, cartItemCount, query }: Props) {
  return (
    <header className="site-header">
      <div className="container">
        <div className="header-row">
          <ShopLink href="/" className="logo">
            North<span>field</span> Goods
          </ShopLink>
          <form className="search-form" role="search" action="/search" method="get">
            <label htmlFor="site-search" className="visually-hidden">
              Search products
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              placeholder="Search products"
              defaultValue={query}
              maxLength={80}
              autoComplete="off"
            />
            <button className="button secondary" type="submit">
              Search
            </button>
          </form>
          <ShopLink href="/cart" className="cart-link" data-testid="cart-link">
            Cart <span aria-label={`${String(cartItemCount)} items in cart`}>({cartItemCount})</span>
          </ShopLink>
        </div>
        <nav className="category-nav" aria-label="Categories">
          {categories.map((category) => (
            <ShopLink key={category.slug} href={`/c/${category.slug}`}>
              {category.name}
            </ShopLink>
          ))}
        </nav>
      </div>
    </header>
  );
}
