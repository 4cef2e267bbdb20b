// Checkout under concurrency: N shoppers, each its own browser (its own cart cookie), go through
// the storefront's public API as the checkout page does: add a stocked product to a new cart, then
// place the order with an approved test card. Only checkout.placeOrder is timed: the whole saga
// (reserve stock, charge, create the order, commit) as the shopper waits for it.
import { randomUUID } from "node:crypto";
import type { Figure } from "./report.ts";
import { notMeasured } from "./report.ts";
import { percentiles } from "./stats.ts";
import { TrpcHttpClient } from "./trpc-http.ts";

const SECTION = "checkout";
// The payment service's published always-approved test card.
const APPROVED_CARD = "4242424242424242";

interface PlaceOrderResult {
  status: "PLACED" | "DECLINED";
}

function order(shopper: number) {
  return {
    idempotencyKey: `bench-${randomUUID()}`,
    customer: {
      email: `bench-shopper-${String(shopper)}@example.com`,
      firstName: "Bench",
      lastName: "Shopper",
    },
    shippingAddress: { line1: "1 Load Street", city: "Springfield", postalCode: "12345", country: "US" },
    shippingMethod: "STANDARD",
    card: { number: APPROVED_CARD, expMonth: 12, expYear: 2035, cvc: "123", holderName: "Bench Shopper" },
  };
}

export async function checkoutBench(options: {
  webUrl: string;
  productIds: number[];
  shoppers: number;
  seconds: number;
  progress: (line: string) => void;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  if (options.productIds.length === 0) {
    return {
      figures: [notMeasured(SECTION, "placeOrder p50", "ms", "no product with stock to buy")],
      details: {},
    };
  }
  const latencies: number[] = [];
  const outcomes = { placed: 0, declined: 0, failed: 0 };
  const failures = new Map<string, number>();
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  let lastProgress = started;
  await Promise.all(
    Array.from({ length: options.shoppers }, async (_, shopper) => {
      for (let round = 0; performance.now() < deadline; round++) {
        const api = new TrpcHttpClient(`${options.webUrl}/api/trpc`);
        const productId =
          options.productIds[(shopper * 7 + round) % options.productIds.length] ?? options.productIds[0];
        try {
          await api.mutate("cart.add", { productId, quantity: 1 });
          const t0 = performance.now();
          const result = await api.mutate<PlaceOrderResult>("checkout.placeOrder", order(shopper));
          latencies.push(performance.now() - t0);
          if (result.status === "PLACED") outcomes.placed++;
          else outcomes.declined++;
        } catch (error) {
          outcomes.failed++;
          const message = error instanceof Error ? error.message.slice(0, 120) : String(error);
          failures.set(message, (failures.get(message) ?? 0) + 1);
        }
        if (performance.now() - lastProgress > 5_000) {
          lastProgress = performance.now();
          options.progress(
            `  checkout: ${((lastProgress - started) / 1000).toFixed(0)} s, ${String(outcomes.placed)} orders placed`,
          );
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stats = percentiles(latencies);
  const how =
    `${String(options.shoppers)} concurrent shoppers for ${String(options.seconds)} s through the storefront's ` +
    `/api/trpc (each with its own cart cookie: cart.add of a stocked product, then checkout.placeOrder ` +
    `with an approved test card); only placeOrder timed; ${String(outcomes.placed)} placed, ` +
    `${String(outcomes.declined)} declined, ${String(outcomes.failed)} failed`;
  return {
    figures: [
      { section: SECTION, name: "placeOrder p50", value: stats.p50, unit: "ms", how },
      { section: SECTION, name: "placeOrder p95", value: stats.p95, unit: "ms", how },
      {
        section: SECTION,
        name: "orders placed per second",
        value: outcomes.placed / seconds,
        unit: "orders/s",
        how: `placed orders / wall-clock seconds of the same run`,
      },
    ],
    details: { ...outcomes, seconds, latency: stats, failures: Object.fromEntries(failures) },
  };
}
