"use client";
// The cart's lines, totals and shipping estimate. Each change goes to the storefront API and the
// answer (the whole cart, priced again) replaces what is shown.
import { ShopLink } from "./shop-link.tsx";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, apiProblem } from "../lib/api-client.ts";
import { formatMoney } from "../lib/money.ts";
import type { CartData, Country } from "../lib/storefront-types.ts";
import { ShippingEstimate } from "./shipping-estimate.tsx";

export function CartView({ initialCart, countries }: { initialCart: CartData; countries: Country[] }) {
  const router = useRouter();
  const [cart, setCart] = useState(initialCart);
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function change(productId: number, call: () => Promise<CartData>) {
    setBusy(productId);
    setProblem(null);
    try {
      setCart(await call());
      router.refresh();
    } catch (error) {
      setProblem(apiProblem(error).message);
    } finally {
      setBusy(null);
    }
  }

  if (cart.lines.length === 0) {
    return (
      <div className="notice info" role="status">
        <p>Your cart is empty.</p>
        <ShopLink className="button" href="/">
          Continue shopping
        </ShopLink>
      </div>
    );
  }

  const sellable = cart.lines.some((line) => line.unitPriceMinor !== null && line.available > 0);
  return (
    <div className="cart-layout">
      <div>
        {problem && (
          <p className="notice error" role="alert">
            {problem}
          </p>
        )}
        <ul className="cart-lines" aria-label="Items in your cart">
          {cart.lines.map((line) => (
            <li key={line.productId} className="cart-line" data-testid="cart-line">
              {line.image ? <img src={`/images/${line.image}`} alt="" width={88} height={88} /> : <span />}
              <div>
                {line.slug ? (
                  <ShopLink href={`/p/${line.slug}`}>{line.name}</ShopLink>
                ) : (
                  <span>Unavailable product</span>
                )}
                <div>
                  {line.unitPriceMinor !== null && formatMoney(line.unitPriceMinor, cart.currency)} each
                </div>
                {line.warning && <div className="badge low-stock">{line.warning}</div>}
                <div className="controls">
                  <label htmlFor={`qty-${String(line.productId)}`}>Quantity</label>
                  <select
                    id={`qty-${String(line.productId)}`}
                    value={line.quantity}
                    disabled={busy === line.productId}
                    onChange={(event) => {
                      const quantity = Number(event.target.value);
                      void change(line.productId, () =>
                        api.cart.setQuantity.mutate({ productId: line.productId, quantity }),
                      );
                    }}
                  >
                    {Array.from({ length: Math.max(10, line.quantity) }, (_, index) => index + 1).map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button link"
                    disabled={busy === line.productId}
                    onClick={() =>
                      void change(line.productId, () => api.cart.remove.mutate({ productId: line.productId }))
                    }
                    aria-label={`Remove ${line.name ?? "item"}`}
                  >
                    Remove
                  </button>
                </div>
              </div>
              <strong>{formatMoney(line.lineTotalMinor, cart.currency)}</strong>
            </li>
          ))}
        </ul>
      </div>
      <aside className="summary" aria-label="Order summary">
        <dl>
          <dt>Items</dt>
          <dd>{cart.itemCount}</dd>
          <dt>Subtotal</dt>
          <dd data-testid="cart-subtotal">{formatMoney(cart.subtotalMinor, cart.currency)}</dd>
        </dl>
        <ShippingEstimate
          countries={countries}
          subtotalMinor={cart.subtotalMinor}
          itemCount={cart.itemCount}
        />
        {sellable ? (
          <ShopLink
            className="button"
            href="/checkout"
            data-cx-action-name="checkout"
            style={{ width: "100%" }}
          >
            Checkout
          </ShopLink>
        ) : (
          <p>Nothing in your cart can be bought right now.</p>
        )}
      </aside>
    </div>
  );
}
