// The orders service's rules: an order is created once per checkout attempt (its idempotency
// key), its totals are computed here, and an order is only shown to someone who knows both its
// number and the email it was placed with (a wrong email looks exactly like a wrong number).
import { randomInt } from "node:crypto";
import { DomainError } from "@shop/service-kit";
import { z } from "zod";
import type { MinuteStats, OrderSummary, OrderView, RecentMinutes } from "./model.ts";
import { isUniqueViolation } from "./orders-repository.ts";
import type { OrdersRepository, StoredOrder } from "./orders-repository.ts";
import type { CreateOrderInput, HistoryInput, RecentMinutesInput } from "./schemas.ts";

const MINUTE_MS = 60_000;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const NUMBER_ATTEMPTS = 5;

export function newOrderNumber(): string {
  let suffix = "";
  for (let i = 0; i < 8; i++) suffix += CROCKFORD.charAt(randomInt(CROCKFORD.length));
  return `ORD-${suffix}`;
}

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.number().int().positive() });

function encodeCursor(order: { createdAt: Date; id: number }): string {
  return Buffer.from(JSON.stringify({ t: order.createdAt.toISOString(), id: order.id })).toString(
    "base64url",
  );
}

function decodeCursor(text: string): { createdAt: Date; id: number } {
  try {
    const cursor = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { createdAt: new Date(cursor.t), id: cursor.id };
  } catch {
    throw new DomainError("INVALID_INPUT", "cursor is not valid; start again without it");
  }
}

/** The same order content: a retried create must not silently turn into a different order. */
function sameOrder(stored: OrderView, input: CreateOrderInput): boolean {
  const items = (list: { productId: number; quantity: number; unitPriceMinor: number }[]) =>
    list
      .map((item) => `${String(item.productId)}x${String(item.quantity)}@${String(item.unitPriceMinor)}`)
      .sort()
      .join(",");
  return stored.email === input.customer.email && items(stored.items) === items(input.items);
}

export class OrdersService {
  readonly #repository: OrdersRepository;

  constructor(repository: OrdersRepository) {
    this.#repository = repository;
  }

  async create(input: CreateOrderInput): Promise<OrderView> {
    const existing = await this.#repository.findByIdempotencyKey(input.idempotencyKey);
    if (existing) return this.#replay(existing, input);
    const subtotalMinor = input.items.reduce((sum, item) => sum + item.unitPriceMinor * item.quantity, 0);
    const totals = { subtotalMinor, totalMinor: subtotalMinor + input.shipping.costMinor };
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.#repository.create(input, newOrderNumber(), totals)).view;
      } catch (error) {
        if (isUniqueViolation(error, "idempotency_key")) {
          // A concurrent create with the same key won the race: answer with its order.
          const winner = await this.#repository.findByIdempotencyKey(input.idempotencyKey);
          if (winner) return this.#replay(winner, input);
        }
        if (isUniqueViolation(error, "number") && attempt < NUMBER_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  #replay(existing: StoredOrder, input: CreateOrderInput): OrderView {
    if (!sameOrder(existing.view, input)) {
      throw new DomainError("CONFLICT", "this checkout already created a different order", {
        details: { number: existing.view.number },
      });
    }
    return existing.view;
  }

  /** The order a checkout attempt created, if any: how checkout answers a replayed attempt. */
  async byIdempotencyKey(idempotencyKey: string): Promise<OrderView | null> {
    return (await this.#repository.findByIdempotencyKey(idempotencyKey))?.view ?? null;
  }

  async get(number: string, email: string): Promise<OrderView> {
    const order = await this.#repository.findByNumber(number);
    if (order?.view.email !== email) {
      throw new DomainError("NOT_FOUND", `No order ${number} was placed with that email address`);
    }
    return order.view;
  }

  async history(input: HistoryInput): Promise<{ orders: OrderSummary[]; nextCursor: string | null }> {
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    const rows = await this.#repository.history(input.email, after, input.limit);
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      orders: page.map(({ id: _id, ...order }) => order),
      nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
    };
  }

  /**
   * The last `minutes` clock minutes (the current one included), every minute present even
   * without orders, so a chart of them has no gaps.
   */
  async recentMinutes(input: RecentMinutesInput, now = new Date()): Promise<RecentMinutes> {
    const current = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    const since = current - (input.minutes - 1) * MINUTE_MS;
    const minutes = new Map<number, MinuteStats>();
    for (let start = since; start <= current; start += MINUTE_MS) {
      minutes.set(start, { start: new Date(start), orders: 0, revenueMinor: {} });
    }
    for (const row of await this.#repository.countsByMinute(new Date(since))) {
      const minute = minutes.get(row.minute.getTime());
      // Rows after `now` (a clock ahead of ours) are not in the window asked for.
      if (!minute) continue;
      minute.orders += row.orders;
      minute.revenueMinor[row.currency] = (minute.revenueMinor[row.currency] ?? 0) + row.revenueMinor;
    }
    return { minutes: [...minutes.values()] };
  }
}
