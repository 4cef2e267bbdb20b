// Every page: header (categories, search, cart count), main content, footer, and RUM. Rendered per
// request (the CSP nonce and the cart count are per request).
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { RumInit } from "../components/rum-init.tsx";
import { SiteHeader } from "../components/site-header.tsx";
import { storefrontApi } from "../server/caller.ts";
import { categoriesOfRequest } from "../server/page-data.ts";
import { publicRumConfig } from "../server/rum-config.ts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Northfield Goods", template: "%s · Northfield Goods" },
  description: "Outdoor, home and everyday goods, shipped fast.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

async function headerData() {
  const api = await storefrontApi();
  // The header must not take the page down: without categories or a cart count it still works.
  const [categories, cart] = await Promise.allSettled([categoriesOfRequest(), api.cart.get()]);
  return {
    categories: categories.status === "fulfilled" ? categories.value : [],
    cartItemCount: cart.status === "fulfilled" ? cart.value.itemCount : 0,
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { categories, cartItemCount } = await headerData();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader categories={categories} cartItemCount={cartItemCount} />
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <nav aria-label="Help">
              <a href="/orders">Find an order</a>
              <a href="/cart">Your cart</a>
              <a href="/search?q=gift">Gift ideas</a>
            </nav>
            <p>
              Northfield Goods is a demonstration shop: no real orders are shipped and no real cards are
              charged.
            </p>
          </div>
        </footer>
        <RumInit config={publicRumConfig()} />
      </body>
    </html>
  );
}
