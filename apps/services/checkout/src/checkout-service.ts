// The order saga: validate the cart -> reserve stock -> quote shipping -> charge the card -> create
// the order -> commit the stock -> empty the cart. Every step is idempotent per checkout attempt
// (the idempotency key is the reservation's checkout id, the payment's key and the order's key),
// so a replayed attempt returns the same answer and never charges twice. Every failure before the
// order exists compensates: the reservation is released, and a charge that may have happened is
// refunded, so there is never stock held for nothing, a charge without an order, or an order
// without a charge.
import { DomainError } from "@shop/service-kit";
import { ATTR, businessMetrics, logger, recordOutcome } from "@shop/telemetry";
import type { Downstream, PlacedOrder } from "./downstream.ts";
import type { PlaceOrderInput } from "./schemas.ts";

export type PlaceOrderResult =
  { status: "PLACED"; order: PlacedOrder } | { status: "DECLINED"; reason: string; message: string };

const COMMIT_ATTEMPTS = 3;
// A refund that gives up leaves a charge without an order, the worst outcome of all. A saturated
// payment service sheds for as long as its pool stays full (503 SERVICE_BUSY), so refunds keep
// trying for about 9 s (200 ms doubling to 2 s), not the 150 ms of the other steps.
const REFUND_ATTEMPTS = 8;
const refundDelayMs = (i: number) => Math.min(100 * 2 ** i, 2_000);

const isNotFound = (error: unknown) => error instanceof DomainError && error.domainCode === "NOT_FOUND";

async function attempt<T>(
  times: number,
  step: () => Promise<T>,
  options: { delayMs?: (i: number) => number; final?: (error: unknown) => boolean } = {},
): Promise<T> {
  const delayMs = options.delayMs ?? ((i: number) => 50 * i);
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (error) {
      if (i >= times || options.final?.(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs(i)));
    }
  }
}

function outcomeOf(error: unknown): "out_of_stock" | "invalid" | "error" {
  if (error instanceof DomainError && error.domainCode === "OUT_OF_STOCK") return "out_of_stock";
  if (error instanceof DomainError && error.expected) return "invalid";
  return "error";
}

export class CheckoutService {
  readonly #downstream: Downstream;

  constructor(downstream: Downstream) {
    this.#downstream = downstream;
  }

  async placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
    const d = this.#downstream;
    const key = input.idempotencyKey;

    // A replay of an attempt that already became an order answers with that order.
    const existing = await d.orderFor(key);
    if (existing) return { status: "PLACED", order: existing };

    const cart = await d.cart(input.cartId);
    if (cart.lines.length === 0) {
      businessMetrics.checkoutAttempt("invalid");
      throw new DomainError("CART_EMPTY", "Your cart is empty.");
    }
    const items = cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
    const subtotalMinor = cart.lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);

    try {
      await d.reserve(key, items);
    } catch (error) {
      businessMetrics.checkoutAttempt(outcomeOf(error));
      throw error;
    }

    let charged = false;
    let order: PlacedOrder;
    try {
      const weights = await d.weights(items.map((item) => item.productId));
      const shipping = await d.quote({
        parcels: items.map((item) => ({
          weightGrams: weights.get(item.productId) ?? 1_000,
          quantity: item.quantity,
        })),
        subtotalMinor,
        currency: cart.currency,
        country: input.shippingAddress.country,
        postalCode: input.shippingAddress.postalCode,
        method: input.shippingMethod,
      });
      // From here on the card may have been charged, even if the call fails or times out.
      charged = true;
      const charge = await d.charge(key, subtotalMinor + shipping.costMinor, cart.currency, input.card);
      if (charge.status !== "CAPTURED") {
        charged = false;
        await d.release(key);
        businessMetrics.checkoutAttempt("declined");
        recordOutcome("card_declined", { [ATTR.DECLINE_REASON]: charge.reason });
        return { status: "DECLINED", reason: charge.reason, message: charge.message };
      }
      order = await d.createOrder({
        idempotencyKey: key,
        customer: input.customer,
        currency: cart.currency,
        items: cart.lines.map((line) => ({
          productId: line.productId,
          productName: line.name,
          unitPriceMinor: line.unitPriceMinor,
          quantity: line.quantity,
        })),
        shippingAddress: input.shippingAddress,
        shipping,
      });
    } catch (error) {
      await this.#compensate(key, charged);
      businessMetrics.checkoutAttempt(outcomeOf(error));
      throw error;
    }

    // The order exists and is paid: what follows must not undo it, only be retried and reported.
    await attempt(COMMIT_ATTEMPTS, () => d.linkPayment(key, order.id)).catch((error: unknown) => {
      logger.error({ err: error, order: order.number }, "could not link the payment to its order");
    });
    await attempt(COMMIT_ATTEMPTS, () => d.commit(key)).catch((error: unknown) => {
      logger.error({ err: error, order: order.number }, "stock of a placed order is still only reserved");
    });
    await d.cartCheckedOut(input.cartId).catch((error: unknown) => {
      logger.warn({ err: error, order: order.number }, "could not empty the cart of a placed order");
    });
    businessMetrics.checkoutAttempt("success");
    businessMetrics.orderPlaced({ totalMinor: order.totalMinor, currency: order.currency });
    logger.info({ order: order.number, total_minor: order.totalMinor }, "order placed");
    return { status: "PLACED", order };
  }

  /** Undo what an attempt that will not become an order holds: its charge, then its stock. */
  async #compensate(key: string, charged: boolean) {
    if (charged) {
      await attempt(REFUND_ATTEMPTS, () => this.#downstream.refund(key), {
        delayMs: refundDelayMs,
        // Nothing to refund: an answer, not a failure to retry.
        final: isNotFound,
      }).catch((error: unknown) => {
        // The charge failed or never committed (a processor outage rolls it back): nothing to refund.
        if (isNotFound(error)) return;
        logger.error({ err: error, checkout: key }, "could not refund the charge of a failed checkout");
      });
    }
    await attempt(3, () => this.#downstream.release(key)).catch((error: unknown) => {
      // The inventory sweeper releases it when the reservation expires.
      logger.warn({ err: error, checkout: key }, "could not release the reservation of a failed checkout");
    });
  }
}
