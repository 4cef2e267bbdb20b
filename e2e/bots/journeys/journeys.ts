// The journeys, as a person would take them. Each ends "completed" when the shopper did what they
// came for; an Abandoned thrown by any step ends it "abandoned".
import type { Journey } from "./journey-run.ts";
import type { JourneyName } from "./journey-names.ts";
import { addToCart, enterDetails, findProduct, goToCheckout, land, pay } from "./steps.ts";

const browse: Journey = async (run) => {
  await land(run);
  await findProduct(run, "category");
  if (run.random() < 0.5) {
    // Back to the listing, and another product.
    await run.step("product", async () => {
      await run.shopper.page.goBack();
      return run.shopper.openRandomProduct();
    });
  }
  return "completed";
};

const addToCartAndLeave: Journey = async (run) => {
  await land(run);
  await findProduct(run, run.random() < 0.5 ? "category" : "search");
  await addToCart(run);
  return "completed";
};

const purchase: Journey = async (run) => {
  await land(run);
  await findProduct(run, "category");
  await addToCart(run);
  await goToCheckout(run);
  const details = await enterDetails(run);
  await pay(run, details);
  return "completed";
};

const checkoutAbandoned: Journey = async (run) => {
  await land(run);
  await findProduct(run, run.random() < 0.5 ? "category" : "search");
  await addToCart(run);
  await goToCheckout(run);
  // Leaves at the shipping step, or after typing the card but before paying.
  const details = await enterDetails(run);
  if (run.random() < 0.5) await run.step("payment_details", () => run.shopper.fillPayment(details));
  return "completed";
};

const searchPurchase: Journey = async (run) => {
  await land(run);
  await findProduct(run, "search");
  await addToCart(run);
  await goToCheckout(run);
  const details = await enterDetails(run);
  await pay(run, details);
  return "completed";
};

const orderLookup: Journey = async (run) => {
  await land(run, "/orders");
  const known = run.knownOrders();
  const order = known[Math.floor(run.random() * known.length)];
  // Before this fleet placed any order: a returning customer with a typo'd number.
  const number = order?.number ?? "ORD-00000000";
  const email = order?.email ?? run.checkoutDetails().email;
  await run.step("order_lookup", async () => {
    await run.shopper.lookUpOrder(number, email);
    await run.shopper.lookupFound(number);
  });
  return "completed";
};

export const JOURNEY_STEPS: Record<JourneyName, Journey> = {
  browse,
  add_to_cart_leave: addToCartAndLeave,
  purchase,
  checkout_abandoned: checkoutAbandoned,
  search_purchase: searchPurchase,
  order_lookup: orderLookup,
};

/** A sale shopper: lands on the hot product from the sale email, buys it (or finds it sold out). */
export function hotProductPurchase(slug: string): Journey {
  return async (run) => {
    await land(run, `/p/${encodeURIComponent(slug)}`);
    await addToCart(run);
    await goToCheckout(run);
    const details = await enterDetails(run);
    await pay(run, details);
    return "completed";
  };
}
