// Covers the console page's door: the token in the URL is traded for a cookie and dropped from
// the URL; without a valid token or cookie the page answers 401.
import { describe, expect, it } from "vitest";
import { consolePageGate, isConsolePage } from "./console-page-gate.ts";

const TOKEN = "s3cret-console-token-0123456789";
const gate = (url: string, headers: Record<string, string> = {}, https = false) =>
  consolePageGate(new URL(url), new Headers(headers), { expected: TOKEN, https });

describe("isConsolePage", () => {
  it("matches the console and below it, nothing else", () => {
    expect(isConsolePage("/console")).toBe(true);
    expect(isConsolePage("/console/anything")).toBe(true);
    expect(isConsolePage("/consoles")).toBe(false);
    expect(isConsolePage("/api/console/status")).toBe(false);
    expect(isConsolePage("/")).toBe(false);
  });
});

describe("consolePageGate", () => {
  it("redirects a valid ?token= to the same page without it, setting the cookies", () => {
    const response = gate(`http://shop.local/console?token=${TOKEN}&view=live`);
    expect(response?.status).toBe(303);
    expect(response?.headers.get("location")).toBe("http://shop.local/console?view=live");
    const cookies = response?.headers.getSetCookie() ?? [];
    expect(cookies).toHaveLength(2);
    expect(cookies.join("\n")).toContain("Path=/api/console");
    expect(response?.headers.get("location")).not.toContain(TOKEN);
  });

  it("marks the cookies Secure over https", () => {
    const cookies =
      gate(`https://shop.example/console?token=${TOKEN}`, {}, true)?.headers.getSetCookie() ?? [];
    expect(cookies.every((cookie) => cookie.endsWith("; Secure"))).toBe(true);
  });

  it("answers 401 to a wrong ?token= even with a valid cookie, and sets nothing", () => {
    const response = gate("http://shop.local/console?token=not-the-token-at-all", {
      cookie: `console_token=${TOKEN}`,
    });
    expect(response?.status).toBe(401);
    expect(response?.headers.getSetCookie()).toEqual([]);
  });

  it("lets a request with the cookie (or a bearer token) in", () => {
    expect(gate("http://shop.local/console", { cookie: `console_token=${TOKEN}` })).toBeUndefined();
    expect(gate("http://shop.local/console", { authorization: `Bearer ${TOKEN}` })).toBeUndefined();
  });

  it("answers 401 without any token, or with a wrong cookie", () => {
    expect(gate("http://shop.local/console")?.status).toBe(401);
    expect(gate("http://shop.local/console", { cookie: "console_token=guess" })?.status).toBe(401);
  });

  it("answers 401 to everyone when the console is disabled", () => {
    const response = consolePageGate(new URL(`http://shop.local/console?token=${TOKEN}`), new Headers(), {
      expected: undefined,
      https: false,
    });
    expect(response?.status).toBe(401);
  });
});
