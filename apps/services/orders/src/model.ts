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
