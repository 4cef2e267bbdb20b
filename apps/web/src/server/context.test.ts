// Covers createRequestContext: cookies read from a real Request, Set-Cookie written to the response.
import { describe, expect, it } from "vitest";
import { createRequestContext } from "./context.ts";
import { cartIdOfKey, encodeOrderAccess, parseCookieHeader } from "./session-cookies.ts";

const CART = "Q2FydElkMTIzNDU2Nzg5MDEy";
const ACCESS = { number: "ORD-7K2M9Q4X", email: "ada@example.com" };

function contextFor(url: string, headers: Record<string, string> = {}) {
  const responseHeaders = new Headers();
  const context = createRequestContext(new Request(url, { headers }), responseHeaders);
  return { context, setCookies: () => responseHeaders.getSetCookie() };
}

describe("createRequestContext", () => {
  it("reads the cart (by the hash of its key) and order access from the Cookie header", () => {
    const { context } = contextFor("http://shop.local/api/trpc/cart.get", {
      cookie: `theme=dark; cart_id=${CART}; order_access=${encodeOrderAccess(ACCESS)}`,
    });
    expect(context.cartId).toBe(cartIdOfKey(CART));
    expect(context.cartId).not.toContain(CART);
    expect(context.orderAccess).toEqual(ACCESS);
    expect(context.session).not.toBeNull();
  });

  it("ignores malformed cookies and missing headers", () => {
    expect(
      contextFor("http://shop.local/", { cookie: "cart_id=short; order_access=@@@" }).context,
    ).toMatchObject({
      cartId: undefined,
      orderAccess: undefined,
    });
    expect(contextFor("http://shop.local/").context).toMatchObject({
      cartId: undefined,
      orderAccess: undefined,
    });
  });

  it("appends one Set-Cookie per change, each readable back, without Secure over http", () => {
    const { context, setCookies } = contextFor("http://shop.local/api/trpc/cart.add");
    context.session?.setCartKey(CART);
    context.session?.setOrderAccess(ACCESS);
    const [cart = "", access = ""] = setCookies();
    expect(setCookies()).toHaveLength(2);
    expect(cart).toMatch(
      /^cart_id=Q2FydElkMTIzNDU2Nzg5MDEy; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/,
    );
    expect(access).toMatch(/; Max-Age=86400; HttpOnly; SameSite=Lax$/);

    // The next request, carrying these cookies back, sees the same cart and access.
    const cookieHeader = [cart, access].map((header) => header.split("; ")[0]).join("; ");
    expect(Object.fromEntries(parseCookieHeader(cookieHeader))).toHaveProperty("cart_id", CART);
    expect(contextFor("http://shop.local/", { cookie: cookieHeader }).context).toMatchObject({
      cartId: cartIdOfKey(CART),
      orderAccess: ACCESS,
    });
  });

  it("marks cookies Secure when the request is https, directly or behind a proxy", () => {
    for (const { url, headers } of [
      { url: "https://shop.example/api/trpc/cart.add", headers: {} },
      { url: "http://web:3000/api/trpc/cart.add", headers: { "x-forwarded-proto": "https" } },
    ]) {
      const { context, setCookies } = contextFor(url, headers);
      context.session?.setCartKey(CART);
      context.session?.setOrderAccess(ACCESS);
      expect(setCookies()).toHaveLength(2);
      for (const header of setCookies()) expect(header.endsWith("; Secure")).toBe(true);
    }
  });

  it("does not mark cookies Secure for a proxy that says http", () => {
    const { context, setCookies } = contextFor("http://web:3000/", { "x-forwarded-proto": "http" });
    context.session?.setCartKey(CART);
    expect(setCookies()[0]).not.toContain("Secure");
  });
});
