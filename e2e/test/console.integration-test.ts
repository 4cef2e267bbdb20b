// The presenter console against the running shop: its page and every API route answer 401
// without the console token; with it, a presenter starts a scenario from the page, follows it
// (state, narrative, progress, the flags the storefront's conductor writes) and stops it.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../src/browser.ts";

const webUrl = () => inject("webUrl");
const token = () => inject("consoleToken");

const API_ROUTES = [
  { method: "GET", path: "status" },
  { method: "POST", path: "scenario/start", body: { name: "normal-day", timeScale: 10 } },
  { method: "POST", path: "scenario/stop", body: {} },
  { method: "POST", path: "flags/set", body: { key: "cache.disabled", params: true } },
  { method: "POST", path: "flags/clear", body: { key: "cache.disabled" } },
  { method: "POST", path: "bots", body: { perMinute: 10 } },
  { method: "POST", path: "bots/clear", body: {} },
  { method: "GET", path: "no-such-route" },
];

function callApi(path: string, options: { method?: string; body?: unknown; authorization?: string } = {}) {
  return fetch(`${webUrl()}/api/console/${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...(options.authorization ? { authorization: options.authorization } : {}),
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
}

interface Status {
  scenario: { state: string; flags: { key: string; setBy: string }[] };
  traffic: { services: { subject: string }[] };
}

async function status(): Promise<Status> {
  const response = await callApi("status", { authorization: `Bearer ${token()}` });
  expect(response.status).toBe(200);
  return (await response.json()) as Status;
}

describe("the presenter console without its token", () => {
  it("answers 401 to the page, with no token, a wrong token or a forged cookie", async () => {
    for (const [path, headers] of [
      ["/console", {}],
      ["/console?token=not-the-console-token", {}],
      ["/console", { cookie: "console_token=not-the-console-token" }],
    ] as const) {
      const response = await fetch(`${webUrl()}${path}`, { headers, redirect: "manual" });
      expect(response.status, path).toBe(401);
      expect(response.headers.get("set-cookie"), path).toBeNull();
      expect(await response.text(), path).toContain("Presenter console");
    }
  });

  it("answers 401 on every API route without a token or with a wrong one, and changes nothing", async () => {
    for (const route of API_ROUTES) {
      for (const authorization of [undefined, "Bearer not-the-console-token", `Basic ${token()}`]) {
        const response = await callApi(route.path, {
          method: route.method,
          body: route.body,
          ...(authorization ? { authorization } : {}),
        });
        expect(response.status, `${route.method} ${route.path} (${authorization ?? "no token"})`).toBe(401);
        expect(((await response.json()) as { error: string }).error).toBeTruthy();
      }
    }
    expect((await status()).scenario.state).not.toBe("running");
  });
});

describe("the presenter console with its token", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Whatever happened, leave the shop without a scenario or flags for the tests after this one.
    await callApi("scenario/stop", { body: {}, authorization: `Bearer ${token()}` });
    await browser?.close();
  });

  it("refuses bad input field by field with 400, and a second scenario with 409", async () => {
    const authorization = `Bearer ${token()}`;
    const badFlag = await callApi("flags/set", {
      body: { key: "db.pool_exhaustion", params: { heldShare: 2, holdMs: 100 } },
      authorization,
    });
    expect(badFlag.status).toBe(400);
    expect(await badFlag.json()).toEqual({
      error: "Invalid input",
      fieldErrors: { "params.heldShare": ["heldShare must be at most 1"] },
    });
    const badScenario = await callApi("scenario/start", { body: { name: "cyber-monday" }, authorization });
    expect(badScenario.status).toBe(400);
    expect(
      ((await badScenario.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.name,
    ).toBeDefined();
    const notJson = await fetch(`${webUrl()}/api/console/bots`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);

    expect(
      (await callApi("scenario/start", { body: { name: "normal-day", timeScale: 1 }, authorization })).status,
    ).toBe(200);
    const second = await callApi("scenario/start", {
      body: { name: "flash-sale", timeScale: 1 },
      authorization,
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: string }).error).toContain("normal-day");
    expect((await callApi("scenario/stop", { body: {}, authorization })).status).toBe(200);
  });

  it("starts a scenario through the page, shows it running with its narrative and progress, and stops it", async () => {
    if (!browser) throw new Error("no browser");
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      // The token is traded for an HttpOnly cookie and leaves the address bar.
      await page.goto(`${webUrl()}/console?token=${encodeURIComponent(token())}`);
      expect(new URL(page.url()).pathname).toBe("/console");
      expect(page.url()).not.toContain("token=");
      const cookies = await context.cookies();
      const consoleCookies = cookies.filter((cookie) => cookie.name === "console_token");
      expect(consoleCookies.map((cookie) => cookie.path).sort()).toEqual(["/api/console", "/console"]);
      for (const cookie of consoleCookies)
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
      expect(await page.evaluate(() => document.cookie)).not.toContain(token());

      await page.getByRole("heading", { name: "Presenter console" }).waitFor();
      await page.getByTestId("live-traffic").waitFor();
      expect(await page.getByTestId("scenario-state").textContent()).not.toBe("running");

      await page.getByRole("combobox", { name: "Scenario" }).selectOption("normal-day");
      await page.getByLabel("Time scale").fill("10");
      await page.getByRole("button", { name: "Start scenario" }).click();

      await expect.poll(() => page.getByTestId("scenario-state").textContent()).toBe("running");
      expect(await page.getByTestId("scenario-narrative").textContent()).toMatch(/\w+/);
      expect(await page.getByTestId("scenario-look").textContent()).toContain("Look at:");
      expect(await page.getByTestId("scenario-timeline").getByRole("listitem").count()).toBeGreaterThan(1);
      // The storefront's conductor plays the timeline: the bots' target comes from the scenario,
      // and the progress moves.
      await expect
        .poll(() => page.getByTestId("bots-summary").textContent(), { timeout: 15_000 })
        .toMatch(/Target: 30 actions\/min \(set by scenario/);
      const progress = async () => Number(await page.getByTestId("scenario-progress").getAttribute("value"));
      const first = await progress();
      await expect.poll(progress, { timeout: 15_000 }).toBeGreaterThan(first);

      await page.getByRole("button", { name: "Stop scenario" }).click();
      await expect.poll(() => page.getByTestId("scenario-state").textContent()).toBe("stopped");
      await expect
        .poll(() => page.getByTestId("bots-summary").textContent())
        .toContain("the fleet's own rate");
      const after = await status();
      expect(after.scenario).toMatchObject({ state: "stopped", flags: [] });
      // The page's own calls to the storefront API count in the live numbers.
      expect(after.traffic.services.map((row) => row.subject)).toContain("storefront");
    } finally {
      await context.close();
    }
  });
});
