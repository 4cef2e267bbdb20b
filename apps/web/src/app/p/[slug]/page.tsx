// A product: image, price, stock, description, quantity and add to cart, and what is often bought
// with it (optional: the page renders without it when recommendations are down).
import type { Metadata } from "next";
import { ShopLink } from "../../../components/shop-link.tsx";
import { notFound } from "next/navigation";
import { AddToCart } from "../../../components/add-to-cart.tsx";
import { ProductGrid } from "../../../components/product-card.tsx";
import { StockBadge } from "../../../components/stock-badge.tsx";
import { formatMoney } from "../../../lib/money.ts";
import { storefrontApi } from "../../../server/caller.ts";
import { productOfRequest } from "../../../server/page-data.ts";
import { isBadRequest, isNotFound } from "../../../server/is-not-found.ts";

interface Props {
  params: Promise<{ slug: string }>;
}

async function productNamed(slug: string) {
  try {
    return await productOfRequest(slug);
  } catch (error) {
    if (isNotFound(error) || isBadRequest(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await productNamed((await params).slug);
  return { title: product.name, description: product.description.slice(0, 160) };
}

export default async function ProductPage({ params }: Props) {
  const product = await productNamed((await params).slug);
  const api = await storefrontApi();
  const together = await api.catalog.boughtTogether({ productId: product.id });
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <ShopLink href="/">Home</ShopLink>
          </li>
          <li>
            <ShopLink href={`/c/${product.category.slug}`}>{product.category.name}</ShopLink>
          </li>
          <li aria-current="page">{product.name}</li>
        </ol>
      </nav>
      <div className="product-page">
        <img
          src={`/images/${product.image}`}
          alt={product.name}
          width={640}
          height={640}
          fetchPriority="high"
        />
        <div>
          <h1>{product.name}</h1>
          <p className="brand">by {product.brand}</p>
          <p className="price" data-testid="product-price">
            {formatMoney(product.priceMinor, product.currency)}
          </p>
          {product.ratingCount > 0 && (
            <p className="rating">
              Rated {product.ratingAverage.toFixed(1)} out of 5 by {product.ratingCount} customers
            </p>
          )}
          <StockBadge available={product.available} />
          <AddToCart productId={product.id} productName={product.name} available={product.available} />
          <p>{product.description}</p>
        </div>
      </div>
      {together.length > 0 && (
        <section aria-labelledby="together-heading">
          <h2 id="together-heading">Frequently bought together</h2>
          <ProductGrid products={together} label="Frequently bought together" />
        </section>
      )}
    </>
  );
}
