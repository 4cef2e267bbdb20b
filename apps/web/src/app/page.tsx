// Home: what the shop sells, what sells best, and something picked for this shopper.
import { ShopLink } from "../components/shop-link.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { storefrontApi } from "../server/caller.ts";

export default async function HomePage() {
  const api = await storefrontApi();
  const cart = await api.cart.get().catch(() => null);
  const home = await api.catalog.home({ cartProductIds: cart?.lines.map((line) => line.productId) ?? [] });
  return (
    <>
      <div className="hero">
        <div className="container">
          <h1>Good things for everyday life</h1>
          <p>
            Outdoor gear, kitchen tools, home goods and more, chosen to last. Free standard shipping in the US
            on orders of $75 or more.
          </p>
          <ShopLink className="button" href={`/c/${home.categories[0]?.slug ?? ""}`}>
            Start shopping
          </ShopLink>
        </div>
      </div>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Shop by category</h2>
        <div className="category-tiles">
          {home.categories.map((category) => (
            <ShopLink key={category.slug} href={`/c/${category.slug}`}>
              <strong>{category.name}</strong>
              <span>{category.productCount} products</span>
            </ShopLink>
          ))}
        </div>
      </section>
      <section aria-labelledby="bestsellers-heading">
        <h2 id="bestsellers-heading">Bestsellers</h2>
        <ProductGrid products={home.bestsellers} label="Bestsellers" />
      </section>
      {home.recommended.items.length > 0 && (
        <section aria-labelledby="recommended-heading">
          <h2 id="recommended-heading">
            {home.recommended.basis === "cart" ? "Goes well with your cart" : "Top rated"}
          </h2>
          <ProductGrid products={home.recommended.items} label="Recommended" />
        </section>
      )}
    </>
  );
}
