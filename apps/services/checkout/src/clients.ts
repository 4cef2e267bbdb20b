// The Downstream of the saga over HTTP: typed tRPC clients of each service (timeouts, bounded
// retries of queries only, downstream domain errors relayed with their codes).
import type { CartRouter } from "@shop/cart-service";
import type { CatalogRouter } from "@shop/catalog-service";
import type { InventoryRouter } from "@shop/inventory-service";
import type { OrdersRouter } from "@shop/orders-service";
import type { PaymentRouter } from "@shop/payment-service";
import { createServiceClient } from "@shop/service-kit";
import type { ShippingRouter } from "@shop/shipping-service";
import { DomainError } from "@shop/service-kit";
import type { Downstream, PlacedOrder } from "./downstream.ts";
import type { CheckoutEnv } from "./env.ts";

type Urls = Pick<
  CheckoutEnv,
  | "CATALOG_URL"
  | "INVENTORY_URL"
  | "CART_URL"
  | "ORDERS_URL"
  | "PAYMENT_URL"
  | "SHIPPING_URL"
  | "DOWNSTREAM_TIMEOUT_MS"
  | "PAYMENT_TIMEOUT_MS"
>;

export function createDownstream(urls: Urls): Downstream {
  const timeoutMs = urls.DOWNSTREAM_TIMEOUT_MS;
  const catalog = createServiceClient<CatalogRouter>({
    service: "catalog",
    url: urls.CATALOG_URL,
    timeoutMs,
  });
  const inventory = createServiceClient<InventoryRouter>({
    service: "inventory",
    url: urls.INVENTORY_URL,
    timeoutMs,
  });
  const cart = createServiceClient<CartRouter>({ service: "cart", url: urls.CART_URL, timeoutMs });
  const orders = createServiceClient<OrdersRouter>({ service: "orders", url: urls.ORDERS_URL, timeoutMs });
  const shipping = createServiceClient<ShippingRouter>({
    service: "shipping",
    url: urls.SHIPPING_URL,
    timeoutMs,
  });
  // A charge is a mutation: never retried by the transport (its idempotency key makes a replay
  // by the saga safe instead).
  const payment = createServiceClient<PaymentRouter>({
    service: "payment",
    url: urls.PAYMENT_URL,
    timeoutMs: urls.PAYMENT_TIMEOUT_MS,
  });

  const toPlaced = (order: PlacedOrder): PlacedOrder => ({
    id: order.id,
    number: order.number,
    email: order.email,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    totalMinor: order.totalMinor,
    createdAt: order.createdAt,
    items: order.items,
  });

  return {
    async orderFor(idempotencyKey) {
      const order = await orders.byIdempotencyKey.query({ idempotencyKey });
      return order && toPlaced(order);
    },
    async cart(cartId) {
      const view = await cart.view.query({ cartId });
      return {
        currency: view.currency,
        lines: view.lines.map((line) => {
          // A line whose product left the catalog has no name or price any more.
          if (line.name === null || line.unitPriceMinor === null) {
            throw new DomainError("OUT_OF_STOCK", "A product in your cart is no longer available.", {
              details: { productId: line.productId, available: 0 },
            });
          }
          return {
            productId: line.productId,
            name: line.name,
            unitPriceMinor: line.unitPriceMinor,
            quantity: line.quantity,
          };
        }),
      };
    },
    async weights(productIds) {
      const products = await catalog.productsByIds.query({ ids: productIds });
      return new Map(products.map((product) => [product.id, product.weightGrams]));
    },
    async reserve(checkoutId, items) {
      await inventory.reserve.mutate({ checkoutId, items });
    },
    async release(checkoutId) {
      await inventory.release.mutate({ checkoutId });
    },
    async commit(checkoutId) {
      await inventory.commit.mutate({ checkoutId });
    },
    async quote(request) {
      const quote = await shipping.quote.query({
        items: request.parcels,
        subtotalMinor: request.subtotalMinor,
        currency: "USD",
        destination: { country: request.country, postalCode: request.postalCode },
      });
      const option = quote.options.find((candidate) => candidate.method === request.method);
      if (!option)
        throw new DomainError("INVALID_INPUT", `${request.method} shipping is not offered to this address`);
      return {
        method: option.method,
        zone: quote.zone,
        carrier: option.carrier,
        costMinor: option.costMinor,
        estimatedDeliveryAt: option.estimatedDeliveryAt,
      };
    },
    async charge(idempotencyKey, amountMinor, currency, card) {
      const result = await payment.charge.mutate({ idempotencyKey, amountMinor, currency, card });
      if (result.status === "CAPTURED")
        return { status: "CAPTURED", brand: result.brand, last4: result.last4 };
      return { status: result.status, reason: result.reason, message: result.message };
    },
    async refund(idempotencyKey) {
      await payment.refund.mutate({ idempotencyKey });
    },
    async createOrder(request) {
      return toPlaced(await orders.create.mutate(request));
    },
    async linkPayment(idempotencyKey, orderId) {
      await payment.linkOrder.mutate({ idempotencyKey, orderId });
    },
    async cartCheckedOut(cartId) {
      await cart.checkedOut.mutate({ cartId });
    },
  };
}
