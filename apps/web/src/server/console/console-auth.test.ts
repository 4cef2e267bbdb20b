// Covers the console's token check: who is let in, how the token is read, the cookie it sets.
import { describe, expect, it } from "vitest";
import {
  checkConsoleAccess,
  consoleCookies,
  consoleUnauthorized,
  presentedToken,
  tokensMatch,
} from "./console-auth.ts";

const TOKEN = "s3cret-console-token-0123456789";

describe("tokensMatch", () => {
  it("is true only for the exact token", () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    for (const other of ["", TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase(), ` ${TOKEN}`]) {
      expect(tokensMatch(other, TOKEN), other).toBe(false);
    }
  });
});

describe("presentedToken", () => {
  it("reads a bearer credential, in any case of the scheme", () => {
    expect(presentedToken(new Headers({ authorization: `Bearer ${TOKEN}` }))).toBe(TOKEN);
    expect(presentedToken(new Headers({ authorization: `bearer ${TOKEN} ` }))).toBe(TOKEN);
  });

  it("prefers the Authorization header to the cookie, and a malformed header presents nothing", () => {
    const headers = new Headers({ authorization: `Basic ${TOKEN}`, cookie: `console_token=${TOKEN}` });
    expect(presentedToken(headers)).toBe("");
  });

  it("falls back to the console cookie, then to nothing", () => {
    expect(presentedToken(new Headers({ cookie: `cart_id=abc; console_token=${TOKEN}` }))).toBe(TOKEN);
    expect(presentedToken(new Headers({ cookie: "cart_id=abc" }))).toBeUndefined();
    expect(presentedToken(new Headers())).toBeUndefined();
  });
});

describe("checkConsoleAccess", () => {
  it("lets in the right token only", () => {
    expect(checkConsoleAccess(TOKEN, TOKEN)).toEqual({ ok: true });
    expect(checkConsoleAccess("wrong-token-wrong-token", TOKEN)).toEqual({
      ok: false,
      message: "That console token is not valid.",
    });
    expect(checkConsoleAccess(undefined, TOKEN)).toMatchObject({ ok: false, message: /needs its token/ });
    expect(checkConsoleAccess("", TOKEN)).toMatchObject({ ok: false, message: /needs its token/ });
  });

  it("refuses everyone, saying the console is disabled, when no token is configured", () => {
    for (const presented of [undefined, "", TOKEN]) {
      expect(checkConsoleAccess(presented, undefined)).toMatchObject({ ok: false, message: /disabled/ });
    }
  });
});

describe("consoleCookies", () => {
  it("sets an HttpOnly, SameSite=Strict cookie on each console path, Secure over https", () => {
    expect(consoleCookies(TOKEN, { secure: false })).toEqual([
      `console_token=${TOKEN}; Path=/console; Max-Age=43200; HttpOnly; SameSite=Strict`,
      `console_token=${TOKEN}; Path=/api/console; Max-Age=43200; HttpOnly; SameSite=Strict`,
    ]);
    for (const cookie of consoleCookies(TOKEN, { secure: true }))
      expect(cookie.endsWith("; Secure")).toBe(true);
  });
});

describe("consoleUnauthorized", () => {
  it("answers 401 with the message, uncached, as JSON or as a page", async () => {
    const json = consoleUnauthorized("nope", "json");
    expect(json.status).toBe(401);
    expect(json.headers.get("cache-control")).toBe("no-store");
    expect(json.headers.get("www-authenticate")).toContain("Bearer");
    expect(await json.json()).toEqual({ error: "nope" });
    const page = consoleUnauthorized("<nope>", "html");
    expect(page.status).toBe(401);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("&lt;nope&gt;");
  });
});
