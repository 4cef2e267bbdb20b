// The steps journeys are made of, each one user action (one `run.step`).
import type { JourneyRun } from "./journey-run.ts";
import { Abandoned, ShopError } from "./journey-run.ts";

export const SEARCHES = [
  "headphones",
  "coffee",
  "backpack",
  "tent",
  "yoga mat",
  "kettle",
  "lamp",
  "puzzle",
  "speaker",
  "water bottle",
  "grinder",
  "notebook",
  "jacket",
];

export const DECLINED_TEST_CARD = "4000 0000 0000 0002";

async function visit(run: JourneyRun, path: string) {
  const status = await run.shopper.goto(path);
  if (status >= 500) throw new ShopError("http_5xx", `${path} answered ${String(status)}`);
}

export async function land(run: JourneyRun, path = "/") {
  await run.step("land", async () => {
    await visit(run, run.landingPath(path));
    await run.shopper.waitForRum();
  });
}

/** From wherever the shopper is to a product page, by a category or a search. */
export async function findProduct(run: JourneyRun, via: "category" | "search") {
  const { shopper } = run;
  if (via === "search") {
    const query = SEARCHES[Math.floor(run.random() * SEARCHES.length)] ?? "coffee";
    await run.step("search", () => shopper.search(query));
  } else {
    await run.step("category", () => shopper.openCategory());
    if (run.persona.priceSensitive && run.random() < 0.6) {
      await run.step("sort", () => shopper.sortBy("Price: low to high"));
    }
  }
  let name = await run.step("product", () => shopper.openRandomProduct());
  if (name === undefined) {
    // Nothing matched (or all sold out): try a category, as a person would.
    await run.step("category", () => shopper.openCategory());
    name = await run.step("product", () => shopper.openRandomProduct());
  }
  if (name === undefined) throw new Abandoned("nothing to buy");
  return name;
}

export async function addToCart(run: JourneyRun) {
  const quantity = run.random() < 0.8 ? 1 : 2;
  const message = await run.step("add_to_cart", () => run.shopper.addToCart(quantity));
  // Sold out or over the limit: the shopper reads the message and leaves.
  if (!message.startsWith("Added to your cart")) throw new Abandoned(message);
}

export async function goToCheckout(run: JourneyRun) {
  await run.step("cart", () => run.shopper.openCart());
  await run.step("checkout", () => run.shopper.proceedToCheckout());
}

export async function enterDetails(run: JourneyRun) {
  const details = run.checkoutDetails();
  await run.step("shipping_details", async () => {
    await run.shopper.fillContactAndAddress(details);
    await run.shopper.chooseShipping(run.random() < 0.8 ? "Standard" : "Express");
  });
  return details;
}

/** Pays; a declined card is retried with a good one, or the shopper gives up. */
export async function pay(run: JourneyRun, details: ReturnType<JourneyRun["checkoutDetails"]>) {
  const { shopper } = run;
  const declineFirst = run.random() < run.persona.declinedCardRate;
  let outcome = await run.step("place_order", async () => {
    await shopper.fillPayment(declineFirst ? { ...details, cardNumber: DECLINED_TEST_CARD } : details);
    await shopper.placeOrder();
    return shopper.orderOutcome();
  });
  if (!outcome.placed && outcome.message.startsWith("Payment declined") && run.random() < 0.6) {
    outcome = await run.step("retry_payment", async () => {
      await shopper.fillPayment(details);
      await shopper.placeOrder();
      return shopper.orderOutcome();
    });
  }
  if (!outcome.placed) throw new Abandoned(outcome.message);
  run.orderPlaced({ number: outcome.number, email: details.email });
}
