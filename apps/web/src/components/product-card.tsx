// A product in a grid: image, name, brand, price, stock. Server-rendered, no script.
import { ShopLink } from "./shop-link.tsx";
import { formatMoney } from "../lib/money.ts";
import { StockBadge } from "./stock-badge.tsx";

export interface ProductCardData {
  slug: string;
  name: string;
  brand: string;
  priceMinor: number;
  currency: string;
  image: string;
  ratingAverage: number;
  ratingCount: number;
  available: number;
}

export function ProductCard({ product, priority = false }: { product: ProductCardData; priority?: boolean }) {
  return (
    <article className="product-card" data-testid="product-card">
      <ShopLink href={`/p/${product.slug}`}>
        <img
          src={`/images/${product.image}`}
          alt=""
          width={320}
          height={320}
          loading={priority ? "eager" : "lazy"}
          decoding="async"
        />
        <h3>{product.name}</h3>
      </ShopLink>
      <span className="brand">{product.brand}</span>
      <span className="price">{formatMoney(product.priceMinor, product.currency)}</span>
      {product.ratingCount > 0 && (
        <span className="rating">
          {product.ratingAverage.toFixed(1)} out of 5 ({product.ratingCount} reviews)
        </span>
      )}
      <StockBadge available={product.available} />
    </article>
  );
}

export function ProductGrid({ products, label }: { products: ProductCardData[]; label: string }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((product, index) => (
        <li key={product.slug}>
          <ProductCard product={product} priority={index < 4} />
        </li>
      ))}
    </ul>
  );
}
