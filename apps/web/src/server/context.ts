// What a storefront procedure knows about the request: the browser's cart and order access (from
// its cookies), and how to set them. Server components render with a read-only context (they
// cannot set cookies); the API route's context can.
import {
  CART_COOKIE,
  COOKIE_MAX_AGE_S,
  ORDER_ACCESS_COOKIE,
  decodeOrderAccess,
  encodeOrderAccess,
  cartIdOfKey,
  parseCartKey,
  parseCookieHeader,
  serializeCookie,
} from "./session-cookies.ts";
import type { OrderAccess } from "./session-cookies.ts";
import { isHttps } from "../lib/forwarded-proto.ts";

export interface StorefrontContext {
  cartId: string | undefined;
  orderAccess: OrderAccess | undefined;
  /** Null while rendering a page: only API calls change cookies. */
  session: SessionWriter | null;
}

export interface SessionWriter {
  /** Stores a new cart's key in the browser (the cookie). */
  setCartKey(key: string): void;
  setOrderAccess(access: OrderAccess): void;
}

function cartIdOf(cookie: string | undefined): string | undefined {
  const key = parseCartKey(cookie);
  return key === undefined ? undefined : cartIdOfKey(key);
}

/** The pure part, from cookie values (tests build contexts with it). */
export function createContextInner(
  cookies: { get(name: string): string | undefined },
  session: SessionWriter | null,
): StorefrontContext {
  return {
    cartId: cartIdOf(cookies.get(CART_COOKIE)),
    orderAccess: decodeOrderAccess(cookies.get(ORDER_ACCESS_COOKIE)),
    session,
  };
}

/** For the fetch adapter: cookies from the request, Set-Cookie onto the response. */
export function createRequestContext(request: Request, responseHeaders: Headers): StorefrontContext {
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  const secure = isHttps(new URL(request.url), request.headers);
  const set = (name: keyof typeof COOKIE_MAX_AGE_S, value: string) => {
    responseHeaders.append(
      "set-cookie",
      serializeCookie(name, value, { maxAgeSeconds: COOKIE_MAX_AGE_S[name], secure }),
    );
  };
  return createContextInner(cookies, {
    setCartKey: (key) => {
      set(CART_COOKIE, key);
    },
    setOrderAccess: (access) => {
      set(ORDER_ACCESS_COOKIE, encodeOrderAccess(access));
    },
  });
}
