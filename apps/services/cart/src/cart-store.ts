// The cart's Redis access: every write is one script (cart-scripts.ts), so it is atomic per cart;
// reads are one MULTI, so lines and expiry are seen together. No rules beyond the limits the
// scripts must check atomically; what a refusal means to the caller is the service's business.
import type { Redis } from "ioredis";
import { cartKeys } from "./cart-keys.ts";
import type { CartKeys } from "./cart-keys.ts";
import { changeLine, claimExpiredCart, clearCart } from "./cart-scripts.ts";

export interface CartLine {
  productId: number;
  quantity: number;
}

export interface StoredCart {
  /** By product id: the order a shopper sees does not jump around as quantities change. */
  lines: CartLine[];
  /** Null for a cart with nothing in it. */
  expiresAt: Date | null;
}

export interface LineChange {
  /** add: to what the line holds; set: replaces it (0 removes the line). */
  mode: "add" | "set";
  productId: number;
  quantity: number;
  /** Units the shop can sell now: the line may not grow beyond it. */
  available: number;
}

/** Every result names the lines of an expired cart the write found, which it now owns. */
export type LineChangeResult = { abandoned: CartLine[] } & (
  | { kind: "changed"; cart: StoredCart }
  | { kind: "quantity-limit"; inCart: number }
  | { kind: "out-of-stock"; inCart: number }
  | { kind: "line-limit"; lines: number }
);

export interface CartStoreOptions {
  keyPrefix: string;
  ttlSeconds: number;
  retentionGraceSeconds: number;
  maxQuantityPerLine: number;
  maxLines: number;
}

const EMPTY_CART: StoredCart = { lines: [], expiresAt: null };

/** HGETALL's flat [field, value, field, value...] as lines. */
function toLines(flat: unknown): CartLine[] {
  if (!Array.isArray(flat)) throw new Error(`expected cart lines, got ${JSON.stringify(flat)}`);
  const lines: CartLine[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    lines.push({ productId: Number(flat[index]), quantity: Number(flat[index + 1]) });
  }
  return lines.sort((a, b) => a.productId - b.productId);
}

function linesOfHash(hash: Record<string, string>): CartLine[] {
  return toLines(Object.entries(hash).flat());
}

export class CartStore {
  readonly #redis: Redis;
  readonly #keys: CartKeys;
  readonly #options: CartStoreOptions;

  constructor(redis: Redis, options: CartStoreOptions) {
    this.#redis = redis;
    this.#keys = cartKeys(options.keyPrefix);
    this.#options = options;
  }

  #scriptKeys(cartId: string) {
    return [this.#keys.lines(cartId), this.#keys.expiries];
  }

  /** The live cart; an expired one (even before the sweeper has counted it) reads as empty. */
  async read(cartId: string, now: Date): Promise<StoredCart> {
    const results = await this.#redis
      .multi()
      .hgetall(this.#keys.lines(cartId))
      .zscore(this.#keys.expiries, cartId)
      .exec();
    const [lines, expiry] = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    if (typeof expiry !== "string" || Number(expiry) <= now.getTime()) return EMPTY_CART;
    return { lines: linesOfHash(lines as Record<string, string>), expiresAt: new Date(Number(expiry)) };
  }

  async changeLine(cartId: string, change: LineChange, now: Date): Promise<LineChangeResult> {
    const { ttlSeconds, retentionGraceSeconds, maxQuantityPerLine, maxLines } = this.#options;
    const reply = (await changeLine.run(this.#redis, this.#scriptKeys(cartId), [
      cartId,
      now.getTime(),
      change.productId,
      change.mode,
      change.quantity,
      change.available,
      maxQuantityPerLine,
      maxLines,
      ttlSeconds * 1_000,
      retentionGraceSeconds * 1_000,
    ])) as [string, number, unknown, unknown?, number?];
    const [outcome, detail, abandonedFlat, linesFlat, expiresAt] = reply;
    const abandoned = toLines(abandonedFlat);
    switch (outcome) {
      case "OK":
        return {
          kind: "changed",
          abandoned,
          cart: { lines: toLines(linesFlat), expiresAt: expiresAt ? new Date(expiresAt) : null },
        };
      case "QUANTITY_LIMIT":
        return { kind: "quantity-limit", abandoned, inCart: detail };
      case "OUT_OF_STOCK":
        return { kind: "out-of-stock", abandoned, inCart: detail };
      case "LINE_LIMIT":
        return { kind: "line-limit", abandoned, lines: detail };
      default:
        throw new Error(`unexpected answer from the cart script: ${outcome}`);
    }
  }

  /** Empties the cart; returns the lines of an expired cart it found there (now owned by the caller). */
  async clear(cartId: string, now: Date): Promise<CartLine[]> {
    return toLines(await clearCart.run(this.#redis, this.#scriptKeys(cartId), [cartId, now.getTime()]));
  }

  /** Deletes the cart whatever its state: it became an order, so it is never abandoned. */
  async delete(cartId: string): Promise<void> {
    await this.#redis.multi().del(this.#keys.lines(cartId)).zrem(this.#keys.expiries, cartId).exec();
  }

  /** Up to `limit` carts whose expiry is at or before `now`, oldest first. */
  async expiredCartIds(now: Date, limit: number): Promise<string[]> {
    return this.#redis.zrangebyscore(this.#keys.expiries, "-inf", now.getTime(), "LIMIT", 0, limit);
  }

  /** The lines of several carts, read without claiming them (an expired cart no longer changes). */
  async peek(cartIds: readonly string[]): Promise<Map<string, CartLine[]>> {
    const pipeline = this.#redis.pipeline();
    for (const cartId of cartIds) pipeline.hgetall(this.#keys.lines(cartId));
    const results = (await pipeline.exec()) ?? [];
    return new Map(
      cartIds.map((cartId, index) => {
        const [error, hash] = results[index] ?? [new Error("no reply"), null];
        if (error) throw error;
        return [cartId, linesOfHash(hash as Record<string, string>)];
      }),
    );
  }

  /** Claims an expired cart: its lines for exactly one caller, empty for everyone else. */
  async claimExpired(cartId: string, now: Date): Promise<CartLine[]> {
    return toLines(
      await claimExpiredCart.run(this.#redis, this.#scriptKeys(cartId), [cartId, now.getTime()]),
    );
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }
}
