"use client";
// Quantity and "Add to cart". Out of stock and quantity limits are answers the shopper reads here,
// next to the button; the header's cart count refreshes on success.
import { ShopLink } from "./shop-link.tsx";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, apiProblem } from "../lib/api-client.ts";
import { rumMeasurement } from "../lib/rum.ts";

interface Props {
  productId: number;
  productName: string;
  available: number;
}

type State =
  { kind: "idle" } | { kind: "busy" } | { kind: "added"; count: number } | { kind: "error"; message: string };

export function AddToCart({ productId, productName, available }: Props) {
  const router = useRouter();
  const [quantity, setQuantity] = useState("1");
  const [state, setState] = useState<State>({ kind: "idle" });

  if (available <= 0) {
    return (
      <p className="notice info" role="status">
        {productName} is out of stock right now. Check back soon.
      </p>
    );
  }

  async function add(event: React.SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const units = Number(quantity);
    if (!Number.isInteger(units) || units < 1 || units > 99) {
      setState({ kind: "error", message: "Enter a quantity from 1 to 99." });
      return;
    }
    setState({ kind: "busy" });
    try {
      const cart = await api.cart.add.mutate({ productId, quantity: units });
      setState({ kind: "added", count: cart.itemCount });
      rumMeasurement("cart_value", cart.subtotalMinor / 100);
      router.refresh();
    } catch (error) {
      setState({ kind: "error", message: apiProblem(error).message });
    }
  }

  return (
    <form className="buy-box" onSubmit={(event) => void add(event)} noValidate>
      <div className="field">
        <label htmlFor="quantity">Quantity</label>
        <input
          id="quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.min(99, available)}
          value={quantity}
          onChange={(event) => {
            setQuantity(event.target.value);
          }}
          aria-invalid={state.kind === "error"}
          aria-describedby="add-to-cart-message"
        />
      </div>
      <button
        className="button"
        type="submit"
        disabled={state.kind === "busy"}
        data-cx-action-name="add-to-cart"
      >
        {state.kind === "busy" ? "Adding…" : "Add to cart"}
      </button>
      <div id="add-to-cart-message" role="status" aria-live="polite" style={{ flexBasis: "100%" }}>
        {state.kind === "added" && (
          <p className="notice success">
            Added to your cart ({state.count} {state.count === 1 ? "item" : "items"}).{" "}
            <ShopLink href="/cart">View cart</ShopLink>
          </p>
        )}
        {state.kind === "error" && <p className="notice error">{state.message}</p>}
      </div>
    </form>
  );
}
