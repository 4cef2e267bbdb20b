// Ninety days of believable order history, drawn deterministically: popular products sell more,
// baskets are small and often stay in one category, weekends and evenings are busier, the shop
// grows a little over the window and ran one weekend sale; about 4% of charge attempts are
// declined. Pure: no database here, so its shape is unit-tested directly.
import type { PersonSeed } from "./people.ts";
import { Random, WeightedPicker } from "./random.ts";

export interface HistoryProduct {
  slug: string;
  name: string;
  categorySlug: string;
  priceMinor: number;
  weightGrams: number;
  popularity: number;
}

export interface HistoryItem {
  productSlug: string;
  productName: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
}

type OrderStatus = "PAID" | "SHIPPED" | "DELIVERED" | "CANCELLED" | "REFUNDED";
type CardBrand = "VISA" | "MASTERCARD" | "AMEX" | "DISCOVER";
type DeclineReason =
  "INSUFFICIENT_FUNDS" | "CARD_STOLEN" | "EXPIRED_CARD" | "INCORRECT_CVC" | "PROCESSING_ERROR";

export interface HistoryPayment {
  idempotencyKey: string;
  status: "CAPTURED" | "DECLINED" | "FAILED" | "REFUNDED";
  amountMinor: number;
  cardBrand: CardBrand;
  cardLast4: string;
  declineReason: DeclineReason | null;
  processorRef: string | null;
  createdAt: Date;
}

export interface HistoryShipment {
  method: "STANDARD" | "EXPRESS";
  zone: string;
  carrier: string;
  trackingNumber: string | null;
  costMinor: number;
  status: "PENDING" | "SHIPPED" | "DELIVERED" | "RETURNED";
  estimatedDeliveryAt: Date;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

export interface HistoryOrder {
  number: string;
  idempotencyKey: string;
  customerEmail: string;
  status: OrderStatus;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  shipName: string;
  shipLine1: string;
  shipLine2: string | null;
  shipCity: string;
  shipRegion: string | null;
  shipPostalCode: string;
  shipCountry: string;
  createdAt: Date;
  items: HistoryItem[];
  payment: HistoryPayment;
  /** Cancelled orders never shipped. */
  shipment: HistoryShipment | null;
}

export interface DeclinedAttempt {
  customerEmail: string;
  payment: HistoryPayment;
}

export interface OrderHistory {
  orders: HistoryOrder[];
  declined: DeclinedAttempt[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const HISTORY_DAYS = 90;

// Sunday first, as Date.getUTCDay() counts.
const WEEKDAY_FACTOR = [1.2, 0.95, 0.92, 0.97, 1.02, 1.1, 1.28];
// Shoppers' local hours: quiet nights, a lunch bump, busy evenings.
const HOUR_WEIGHT = [
  0.35, 0.2, 0.12, 0.08, 0.08, 0.12, 0.3, 0.55, 0.8, 0.95, 1.05, 1.15, 1.35, 1.3, 1.1, 1.05, 1.1, 1.2, 1.4,
  1.65, 1.75, 1.6, 1.15, 0.7,
];
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const FREE_SHIPPING_FROM_MINOR = 7_500;

function zoneOf(country: string): { zone: string; multiplier: number; transitDays: number } {
  if (country === "US") return { zone: "domestic", multiplier: 1, transitDays: 4 };
  if (country === "CA" || country === "MX") return { zone: "north-america", multiplier: 1.8, transitDays: 7 };
  return { zone: "international", multiplier: 3, transitDays: 10 };
}

function shippingCost(method: "STANDARD" | "EXPRESS", subtotal: number, grams: number, multiplier: number) {
  const kilos = Math.ceil(grams / 1000);
  if (method === "STANDARD") {
    if (multiplier === 1 && subtotal >= FREE_SHIPPING_FROM_MINOR) return 0;
    return Math.round((599 + Math.max(0, kilos - 2) * 100) * multiplier);
  }
  return Math.round((1499 + Math.max(0, kilos - 1) * 175) * multiplier);
}

/** Splits `total` across days in proportion to weights, exactly (largest remainder). */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const counts = raw.map(Math.floor);
  const order = raw
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < missing; i++) {
    const slot = order[i % order.length]?.index ?? 0;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}

function drawCard(random: Random): { cardBrand: CardBrand; cardLast4: string } {
  const roll = random.next();
  const cardBrand: CardBrand =
    roll < 0.52 ? "VISA" : roll < 0.82 ? "MASTERCARD" : roll < 0.94 ? "AMEX" : "DISCOVER";
  return { cardBrand, cardLast4: random.chars("0123456789", 4) };
}

function drawDecline(random: Random): { status: "DECLINED" | "FAILED"; reason: DeclineReason } {
  const roll = random.next();
  if (roll < 0.52) return { status: "DECLINED", reason: "INSUFFICIENT_FUNDS" };
  if (roll < 0.68) return { status: "DECLINED", reason: "EXPIRED_CARD" };
  if (roll < 0.84) return { status: "DECLINED", reason: "INCORRECT_CVC" };
  if (roll < 0.9) return { status: "DECLINED", reason: "CARD_STOLEN" };
  return { status: "FAILED", reason: "PROCESSING_ERROR" };
}

function drawStatus(random: Random, ageDays: number): OrderStatus {
  const roll = random.next();
  if (ageDays > 10) return roll < 0.94 ? "DELIVERED" : roll < 0.97 ? "REFUNDED" : "CANCELLED";
  if (ageDays > 3) return roll < 0.6 ? "DELIVERED" : roll < 0.97 ? "SHIPPED" : "CANCELLED";
  return roll < 0.45 ? "PAID" : roll < 0.98 ? "SHIPPED" : "CANCELLED";
}

export function generateOrderHistory(options: {
  seed: number;
  /** History ends just before this instant (the anchor day's midnight, UTC). */
  end: Date;
  orderCount: number;
  products: readonly HistoryProduct[];
  customers: readonly PersonSeed[];
}): OrderHistory {
  const timeline = new Random(options.seed);
  const { products, customers } = options;
  const start = options.end.getTime() - HISTORY_DAYS * DAY_MS;

  const gramsBySlug = new Map(products.map((p) => [p.slug, p.weightGrams]));
  const byPopularity = new WeightedPicker(products, (p) => Math.pow(p.popularity, 1.35));
  const byCategory = new Map<string, WeightedPicker<HistoryProduct>>();
  for (const category of new Set(products.map((p) => p.categorySlug))) {
    const inCategory = products.filter((p) => p.categorySlug === category);
    byCategory.set(category, new WeightedPicker(inCategory, (p) => Math.pow(p.popularity, 1.35)));
  }
  // A few loyal customers place many orders; most place one or two (Zipf-like).
  const byLoyalty = new WeightedPicker(customers, (_c, index) => 1 / Math.pow(index + 1, 0.75));
  const hours = new WeightedPicker(
    HOUR_WEIGHT.map((_, h) => h),
    (h) => HOUR_WEIGHT[h] ?? 0,
  );

  const dayWeights = Array.from({ length: HISTORY_DAYS }, (_, day) => {
    const date = new Date(start + day * DAY_MS);
    const growth = 0.85 + (0.3 * day) / HISTORY_DAYS;
    // The weekend sale, five weeks before the anchor.
    const sale = day >= HISTORY_DAYS - 37 && day < HISTORY_DAYS - 34 ? 1.9 : 1;
    return (WEEKDAY_FACTOR[date.getUTCDay()] ?? 1) * growth * sale * (0.9 + timeline.next() * 0.2);
  });
  const perDay = allocate(options.orderCount, dayWeights);

  // Order i's identity and content (number, keys, customer, basket, card, decline) come from its
  // own generator seeded by i; only its timestamp (and the status that follows from its age)
  // depends on the anchor. So seeding again on a later day finds the same order numbers and
  // inserts nothing, while a given anchor always reproduces the same history.
  const timestamps = perDay.flatMap((count, day) =>
    Array.from(
      { length: count },
      () => start + day * DAY_MS + hours.pick(timeline) * HOUR_MS + timeline.int(0, HOUR_MS - 1),
    ),
  );
  timestamps.sort((a, b) => a - b);

  const numbers = new Set<string>();
  const orders: HistoryOrder[] = [];
  const declined: DeclinedAttempt[] = [];

  timestamps.forEach((timestamp, index) => {
    const random = new Random(mix(options.seed, index));
    const createdAt = new Date(timestamp);
    const customer = byLoyalty.pick(random);
    const items = drawBasket(random, byPopularity, byCategory);
    const subtotalMinor = items.reduce((sum, item) => sum + item.lineTotalMinor, 0);
    const grams = items.reduce(
      (sum, item) => sum + (gramsBySlug.get(item.productSlug) ?? 0) * item.quantity,
      0,
    );
    const destination = random.chance(0.7) ? customer.address : { ...customer.address, line2: null };
    const zone = zoneOf(destination.country);
    const method = random.chance(0.17) ? "EXPRESS" : "STANDARD";
    const shippingMinor = shippingCost(method, subtotalMinor, grams, zone.multiplier);
    const totalMinor = subtotalMinor + shippingMinor;
    let number: string;
    do number = `ORD-${random.chars(CROCKFORD, 8)}`;
    while (numbers.has(number));
    numbers.add(number);
    const idempotencyKey = random.uuid();
    const card = drawCard(random);
    const processorRef = `ch_${random.chars("0123456789abcdefghijklmnopqrstuvwxyz", 24)}`;

    if (random.chance(0.035)) {
      const decline = drawDecline(random);
      declined.push({
        customerEmail: customer.email,
        payment: {
          idempotencyKey: random.uuid(),
          status: decline.status,
          amountMinor: totalMinor,
          ...drawCard(random),
          declineReason: decline.reason,
          processorRef: null,
          createdAt: new Date(timestamp - random.int(60_000, 900_000)),
        },
      });
    }

    const ageDays = (options.end.getTime() - timestamp) / DAY_MS;
    const status = drawStatus(random, ageDays);
    const transitDays =
      method === "EXPRESS" ? Math.max(1, Math.ceil(zone.transitDays / 3)) : zone.transitDays;
    const shippedAt = new Date(timestamp + random.int(6, 30) * HOUR_MS);
    const deliveredAt = new Date(shippedAt.getTime() + (transitDays + random.int(-1, 1)) * DAY_MS);
    const tracking = `${method === "EXPRESS" ? "JX" : "PW"}${random.chars("0123456789", 12)}`;
    const shipment: HistoryShipment | null =
      status === "CANCELLED"
        ? null
        : {
            method,
            zone: zone.zone,
            carrier: method === "EXPRESS" ? "Jetline Express" : "Parcelway",
            trackingNumber: status === "PAID" ? null : tracking,
            costMinor: shippingMinor,
            status: SHIPMENT_STATUS[status],
            estimatedDeliveryAt: new Date(timestamp + (transitDays + 1) * DAY_MS),
            shippedAt: status === "PAID" ? null : shippedAt,
            deliveredAt: status === "DELIVERED" || status === "REFUNDED" ? deliveredAt : null,
          };

    orders.push({
      number,
      idempotencyKey,
      customerEmail: customer.email,
      status,
      subtotalMinor,
      shippingMinor,
      totalMinor,
      shipName: `${customer.firstName} ${customer.lastName}`,
      shipLine1: destination.line1,
      shipLine2: destination.line2,
      shipCity: destination.city,
      shipRegion: destination.region,
      shipPostalCode: destination.postalCode,
      shipCountry: destination.country,
      createdAt,
      items,
      payment: {
        idempotencyKey,
        status: status === "CANCELLED" || status === "REFUNDED" ? "REFUNDED" : "CAPTURED",
        amountMinor: totalMinor,
        ...card,
        declineReason: null,
        processorRef,
        createdAt,
      },
      shipment,
    });
  });

  // Some shoppers gave up after a decline: attempts with no order behind them.
  const abandonedDeclines = Math.round(options.orderCount * 0.008);
  for (let k = 0; k < abandonedDeclines; k++) {
    const random = new Random(mix(options.seed, options.orderCount + k));
    const decline = drawDecline(random);
    const customer = byLoyalty.pick(random);
    declined.push({
      customerEmail: customer.email,
      payment: {
        idempotencyKey: random.uuid(),
        status: decline.status,
        amountMinor: random.int(1_500, 40_000),
        ...drawCard(random),
        declineReason: decline.reason,
        processorRef: null,
        createdAt: new Date(start + timeline.int(0, HISTORY_DAYS * DAY_MS - 1)),
      },
    });
  }
  return { orders, declined };
}

const SHIPMENT_STATUS = {
  PAID: "PENDING",
  SHIPPED: "SHIPPED",
  DELIVERED: "DELIVERED",
  REFUNDED: "RETURNED",
  CANCELLED: "PENDING",
} as const;

/** A per-index seed: neighbouring indexes get unrelated generators. */
function mix(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function drawBasket(
  random: Random,
  byPopularity: WeightedPicker<HistoryProduct>,
  byCategory: Map<string, WeightedPicker<HistoryProduct>>,
): HistoryItem[] {
  const roll = random.next();
  const size = roll < 0.46 ? 1 : roll < 0.74 ? 2 : roll < 0.89 ? 3 : roll < 0.96 ? 4 : random.int(5, 7);
  const first = byPopularity.pick(random);
  const chosen = new Map<string, HistoryProduct>([[first.slug, first]]);
  // Bounded: a category may have fewer products than the basket wants.
  for (let attempt = 0; chosen.size < size && attempt < size * 6; attempt++) {
    const sameCategory = random.chance(0.6) ? byCategory.get(first.categorySlug) : undefined;
    const next = (sameCategory ?? byPopularity).pick(random);
    chosen.set(next.slug, next);
  }
  return [...chosen.values()].map((product) => {
    const q = random.next();
    const quantity = q < 0.82 ? 1 : q < 0.96 ? 2 : 3;
    return {
      productSlug: product.slug,
      productName: product.name,
      unitPriceMinor: product.priceMinor,
      quantity,
      lineTotalMinor: product.priceMinor * quantity,
    };
  });
}
