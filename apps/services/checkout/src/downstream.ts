// What checkout needs from the services it orchestrates, as plain functions. The saga depends on
// this interface only; `clients.ts` implements it over HTTP with typed tRPC clients.
import type { PlaceOrderInput } from "./schemas.ts";

export interface CartLine {
  productId: number;
  name: string;
  unitPriceMinor: number;
  quantity: number;
}

export interface ShippingChoice {
  method: "STANDARD" | "EXPRESS";
  zone: string;
  carrier: string;
  costMinor: number;
  estimatedDeliveryAt: Date;
}

/**
 * A declined card is an answer, not an error. (Replaying an attempt whose charge was refunded by a
 * compensation is a CONFLICT from the payment service: the shopper starts a new attempt.)
 */
export type ChargeResult =
  | { status: "CAPTURED"; brand: string; last4: string }
  | { status: "DECLINED" | "FAILED"; reason: string; message: string };

export interface PlacedOrder {
  id: number;
  number: string;
  email: string;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  createdAt: Date;
  items: {
    productId: number;
    productName: string;
    unitPriceMinor: number;
    quantity: number;
    lineTotalMinor: number;
  }[];
}

export interface Downstream {
  orderFor(idempotencyKey: string): Promise<PlacedOrder | null>;
  cart(cartId: string): Promise<{ currency: string; lines: CartLine[] }>;
  weights(productIds: number[]): Promise<Map<number, number>>;
  /** All or nothing; throws an OUT_OF_STOCK DomainError when any line is short. */
  reserve(checkoutId: string, items: { productId: number; quantity: number }[]): Promise<void>;
  release(checkoutId: string): Promise<void>;
  commit(checkoutId: string): Promise<void>;
  quote(request: {
    parcels: { weightGrams: number; quantity: number }[];
    subtotalMinor: number;
    currency: string;
    country: string;
    postalCode: string;
    method: "STANDARD" | "EXPRESS";
  }): Promise<ShippingChoice>;
  charge(
    idempotencyKey: string,
    amountMinor: number,
    currency: string,
    card: PlaceOrderInput["card"],
  ): Promise<ChargeResult>;
  refund(idempotencyKey: string): Promise<void>;
  createOrder(request: {
    idempotencyKey: string;
    customer: PlaceOrderInput["customer"];
    currency: string;
    items: { productId: number; productName: string; unitPriceMinor: number; quantity: number }[];
    shippingAddress: PlaceOrderInput["shippingAddress"];
    shipping: ShippingChoice;
  }): Promise<PlacedOrder>;
  linkPayment(idempotencyKey: string, orderId: number): Promise<void>;
  cartCheckedOut(cartId: string): Promise<void>;
}
