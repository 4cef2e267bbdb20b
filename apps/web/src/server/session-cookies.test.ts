// Covers the cart_id and order_access cookies: ids, encoding, parsing the Cookie header, Set-Cookie.
import { describe, expect, it } from "vitest";
import {
  cartIdOfKey,
  COOKIE_MAX_AGE_S,
  decodeOrderAccess,
  encodeOrderAccess,
  newCartKey,
  parseCartKey,
  parseCookieHeader,
  serializeCookie,
} from "./session-cookies.ts";

// The cart service's own rule for cart ids.
const CART_SERVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

describe("cart ids", () => {
  it("makes ids the cart service accepts, a different one each time", () => {
    const ids = Array.from({ length: 200 }, newCartKey);
    for (const id of ids) {
      expect(id).toMatch(CART_SERVICE_ID);
      expect(parseCartKey(id)).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reads back only well-formed ids", () => {
    expect(parseCartKey("a".repeat(16))).toBe("a".repeat(16));
    expect(parseCartKey("A_b-9".repeat(12) + "abcd")).toHaveLength(64);
    expect(parseCartKey(undefined)).toBeUndefined();
    expect(parseCartKey("")).toBeUndefined();
    expect(parseCartKey("a".repeat(15))).toBeUndefined();
    expect(parseCartKey("a".repeat(65))).toBeUndefined();
    expect(parseCartKey("abcdefghijklmnop/")).toBeUndefined();
    expect(parseCartKey("abcdefghijklmnop\n")).toBeUndefined();
  });
});

describe("cart keys and the cart ids they open", () => {
  it("derives a stable id the cart service accepts, which does not reveal the key", () => {
    const key = newCartKey();
    const id = cartIdOfKey(key);
    expect(id).toBe(cartIdOfKey(key));
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(id).not.toContain(key);
    expect(cartIdOfKey(newCartKey())).not.toBe(id);
  });
});

describe("order access", () => {
  const access = { number: "ORD-7K2M9Q4X", email: "ada+shop@example.com" };

  it("round-trips through a cookie-safe value", () => {
    const value = encodeOrderAccess(access);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOrderAccess(value)).toEqual(access);
    expect(decodeOrderAccess(encodeOrderAccess({ number: "ORD-1", email: "zoë@exämple.com" }))).toEqual({
      number: "ORD-1",
      email: "zoë@exämple.com",
    });
  });

  it("gives no access for a missing, truncated or garbage cookie", () => {
    const value = encodeOrderAccess(access);
    expect(decodeOrderAccess(undefined)).toBeUndefined();
    expect(decodeOrderAccess("")).toBeUndefined();
    expect(decodeOrderAccess(value.slice(0, -6))).toBeUndefined();
    expect(decodeOrderAccess("not base64url!!")).toBeUndefined();
    expect(decodeOrderAccess("%%%")).toBeUndefined();
  });

  it("gives no access for well-formed JSON of the wrong shape", () => {
    const encode = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");
    expect(decodeOrderAccess(encode(access))).toBeUndefined(); // an object, not the [number, email] pair
    expect(decodeOrderAccess(encode(["ORD-7K2M9Q4X"]))).toBeUndefined();
    expect(decodeOrderAccess(encode(["ORD-7K2M9Q4X", "a@b.c", "extra"]))).toBeUndefined();
    expect(decodeOrderAccess(encode(["ORD-7K2M9Q4X", 42]))).toBeUndefined();
    expect(decodeOrderAccess(encode(null))).toBeUndefined();
  });
});

describe("parseCookieHeader", () => {
  it("reads several cookies, trimming names and values", () => {
    const cookies = parseCookieHeader("cart_id=abc; theme=dark ;  order_access = xyz");
    expect(Object.fromEntries(cookies)).toEqual({ cart_id: "abc", theme: "dark", order_access: "xyz" });
  });

  it("decodes percent-encoded values, keeps undecodable ones raw, and keeps '=' inside values", () => {
    const cookies = parseCookieHeader("a=hello%20world%3B; b=100%; c=x=y==");
    expect(cookies.get("a")).toBe("hello world;");
    expect(cookies.get("b")).toBe("100%");
    expect(cookies.get("c")).toBe("x=y==");
  });

  it("skips junk parts and survives no header at all", () => {
    const cookies = parseCookieHeader("=nameless; junk; ;good=1;");
    expect(Object.fromEntries(cookies)).toEqual({ good: "1" });
    expect(parseCookieHeader(null).size).toBe(0);
    expect(parseCookieHeader("").size).toBe(0);
  });
});

describe("serializeCookie", () => {
  it("writes an HttpOnly, SameSite=Lax, site-wide cookie with its lifetime", () => {
    const header = serializeCookie("cart_id", "abc", { maxAgeSeconds: 60, secure: false });
    expect(header.split("; ")).toEqual(["cart_id=abc", "Path=/", "Max-Age=60", "HttpOnly", "SameSite=Lax"]);
  });

  it("adds Secure only when asked", () => {
    expect(serializeCookie("cart_id", "abc", { maxAgeSeconds: 60, secure: true }).split("; ")).toContain(
      "Secure",
    );
    expect(serializeCookie("cart_id", "abc", { maxAgeSeconds: 60, secure: false })).not.toContain("Secure");
  });

  it("encodes the value so parseCookieHeader reads it back", () => {
    const header = serializeCookie("note", "a; b=c, d", { maxAgeSeconds: 1, secure: false });
    const pair = header.split("; ")[0] ?? "";
    expect(pair).toBe("note=a%3B%20b%3Dc%2C%20d");
    expect(parseCookieHeader(pair).get("note")).toBe("a; b=c, d");
  });

  it("keeps the cart for 30 days and order access for a day", () => {
    expect(COOKIE_MAX_AGE_S).toEqual({ cart_id: 30 * 24 * 3600, order_access: 24 * 3600 });
  });
});
