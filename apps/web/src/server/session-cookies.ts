// The storefront's two cookies. Both are HttpOnly (no script reads them) and SameSite=Lax.
// - cart_id: the key to this browser's cart, made on the first add to cart. The cart service knows
//   the cart by a hash of the key (cartIdOfKey), never by the key itself: the id shows up in spans
//   (Redis keys, service calls), and an id read from telemetry must not open anyone's cart.
// - order_access: the order number and email of the order this browser may show (just placed, or
//   looked up), so confirmation pages need no email in their URL (URLs end up in logs and spans).
import { createHash, randomBytes } from "node:crypto";

export const CART_COOKIE = "cart_id";
export const ORDER_ACCESS_COOKIE = "order_access";

const CART_ID = /^[A-Za-z0-9_-]{16,64}$/;
const CART_MAX_AGE_S = 30 * 24 * 3600;
const ORDER_ACCESS_MAX_AGE_S = 24 * 3600;

export interface OrderAccess {
  number: string;
  email: string;
}

export function newCartKey(): string {
  return randomBytes(18).toString("base64url");
}

export function parseCartKey(value: string | undefined): string | undefined {
  return value && CART_ID.test(value) ? value : undefined;
}

/** The cart service's id for the cart a key opens: one-way, so telemetry cannot give the key back. */
export function cartIdOfKey(key: string): string {
  return createHash("sha256").update(`cart:${key}`).digest("base64url");
}

export function encodeOrderAccess(access: OrderAccess): string {
  return Buffer.from(JSON.stringify([access.number, access.email])).toString("base64url");
}

export function decodeOrderAccess(value: string | undefined): OrderAccess | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === "string" &&
      typeof parsed[1] === "string"
    ) {
      return { number: parsed[0], email: parsed[1] };
    }
  } catch {
    // A tampered or truncated cookie is simply no access.
  }
  return undefined;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

export function serializeCookie(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean },
): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${String(options.maxAgeSeconds)}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export const COOKIE_MAX_AGE_S = {
  [CART_COOKIE]: CART_MAX_AGE_S,
  [ORDER_ACCESS_COOKIE]: ORDER_ACCESS_MAX_AGE_S,
};
