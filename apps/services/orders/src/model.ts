// What the orders service returns.

export interface OrderItemView {
  productId: number;
  productName: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
}

export interface OrderView {
  /** Internal id, for services that link to the order (payment). */
  id: number;
  number: string;
  status: string;
  email: string;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  createdAt: Date;
  items: OrderItemView[];
  shippingAddress: {
    name: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
  };
  shipment: {
    method: string;
    carrier: string;
    status: string;
    trackingNumber: string | null;
    estimatedDeliveryAt: Date;
  } | null;
  payment: { status: string; cardBrand: string; cardLast4: string } | null;
}

export interface OrderSummary {
  number: string;
  status: string;
  currency: string;
  totalMinor: number;
  itemCount: number;
  createdAt: Date;
}

/** Orders placed in one clock minute (UTC), and their revenue by currency. */
export interface MinuteStats {
  /** The minute's first instant. */
  start: Date;
  orders: number;
  /** Sum of order totals in minor units, by ISO currency code; empty when no orders. */
  revenueMinor: Record<string, number>;
}

export interface RecentMinutes {
  /** Oldest first; the last one is the current minute, still filling. */
  minutes: MinuteStats[];
}
