// The shop's security contract (issue 9), against the production build. Where a part is checked:
//   security headers on every kind of response ............ here
//   the browser bundle holds no server secret .............. here (scanner: e2e/src/bundle-secrets.ts)
//   the RUM proxy is no open relay ......................... security-rum-proxy.integration-test.ts
//                                                            (forwarding itself: rum-proxy.integration-test.ts)
//   admin endpoints answer 401 without their token ......... console: console.test.ts (the presenter
//                                                            console and /api/console/*); the bot fleet's
//                                                            /control: security-admin.integration-test.ts
//   no card, CVC, email or credential in telemetry ......... security-telemetry.integration-test.ts
//                                                            (redaction rules: packages/telemetry/src/redaction.test.ts)
//   no unexplained high/critical advisory (npm audit) ...... security-audit.integration-test.ts
//   the CSP's directives one by one ........................ apps/web/src/security-headers.test.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { scanForSecrets, secretSettings } from "../src/bundle-secrets.ts";

const staticDir = path.resolve(import.meta.dirname, "../../apps/web/.next/static");

function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(new URL(pathname, inject("webUrl")), { headers, redirect: "manual" });
}

/** The CSP as directive name -> its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

describe("security headers", () => {
  const responses = [
    { what: "a page", path: "/", status: 200 },
    { what: "an API route", path: "/api/healthz", status: 200 },
    { what: "a tRPC call", path: "/api/trpc/catalog.noSuchProcedure", status: 404 },
    { what: "a page that does not exist", path: "/no-such-page", status: 404 },
  ];

  it.each(responses)("are on $what ($path)", async ({ path: pathname, status }) => {
    const response = await get(pathname);
    expect(response.status).toBe(status);
    const csp = directives(response.headers.get("content-security-policy") ?? "");
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts.filter((source) => source.startsWith("'nonce-"))).toHaveLength(1);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toMatch(
      /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
    );
    expect(response.headers.get("x-powered-by")).toBeNull();
    // Plain http (a laptop, or behind a proxy that did not say https): HSTS would be ignored at
    // best and would pin a host to https where there is none at worst.
    expect(response.headers.get("strict-transport-security")).toBeNull();
    await response.body?.cancel();
  });

  it("give every request its own nonce, carried by every script of the page", async () => {
    const [first, second] = await Promise.all([get("/"), get("/")]);
    const nonces = [first, second].map(
      (page) => /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1],
    );
    expect(nonces[0]).toBeTruthy();
    expect(nonces[1]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    const html = await first.text();
    await second.body?.cancel();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[0] ?? "missing"}"`);
  });

  it("add HSTS (and upgrade-insecure-requests) only when the shopper's connection was https", async () => {
    for (const pathname of ["/", "/api/healthz", "/no-such-page"]) {
      const response = await get(pathname, { "x-forwarded-proto": "https" });
      expect(response.headers.get("strict-transport-security"), pathname).toMatch(/^max-age=(\d{8,}|3\d{7})/);
      expect(response.headers.get("content-security-policy"), pathname).toContain(
        "upgrade-insecure-requests",
      );
      await response.body?.cancel();
    }
    const plain = await get("/", { "x-forwarded-proto": "http" });
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    await plain.body?.cancel();
  });
});

describe("the browser bundle", () => {
  it("holds no server secret: no connection string, key, server setting, or value the servers run with", async () => {
    expect(existsSync(staticDir), `${staticDir} (the production build)`).toBe(true);
    // What the page loads is what was scanned: each of its /_next/static files is in the directory.
    const html = await (await get("/")).text();
    const loaded = [...html.matchAll(/\/_next\/static\/([^"'\s?\\]+)/g)].map((match) => match[1] ?? "");
    expect(loaded.length).toBeGreaterThan(0);
    for (const file of loaded) expect(existsSync(path.join(staticDir, file)), file).toBe(true);

    // The servers' secrets: this run's database and console token, and every secret-named setting of the environment
    // the demo (and its build) inherited from this process.
    const values = [
      { name: "DATABASE_URL", value: inject("databaseUrl") },
      { name: "CONSOLE_TOKEN", value: inject("consoleToken") },
      ...secretSettings(process.env),
    ];
    const scan = await scanForSecrets(staticDir, values);
    expect(scan.files).toBeGreaterThanOrEqual(10);
    expect(scan.bytes).toBeGreaterThan(200_000);
    expect(scan.findings).toEqual([]);
  });
});
