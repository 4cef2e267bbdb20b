// The cart: lines with quantity and remove, totals, and a shipping estimate.
import type { Metadata } from "next";
import { CartView } from "../../components/cart-view.tsx";
import { storefrontApi } from "../../server/caller.ts";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const api = await storefrontApi();
  const [cart, countries] = await Promise.all([api.cart.get(), api.cart.countries().catch(() => [])]);
  return (
    <>
      <h1>Your cart</h1>
      <CartView initialCart={cart} countries={countries} />
    </>
  );
}
