// Checkout: contact, address, shipping method, card, place order.
import type { Metadata } from "next";
import { ShopLink } from "../../components/shop-link.tsx";
import { CheckoutForm } from "../../components/checkout-form.tsx";
import { storefrontApi } from "../../server/caller.ts";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const api = await storefrontApi();
  const [cart, countries] = await Promise.all([api.cart.get(), api.cart.countries()]);
  if (cart.lines.length === 0) {
    return (
      <>
        <h1>Checkout</h1>
        <div className="notice info" role="status">
          <p>Your cart is empty, so there is nothing to check out yet.</p>
          <ShopLink className="button" href="/">
            Continue shopping
          </ShopLink>
        </div>
      </>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      <CheckoutForm cart={cart} countries={countries} />
    </>
  );
}
