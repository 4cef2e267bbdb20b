// What the browser tests share: a browser for the file, a fresh context (cookies, RUM session) per
// test with the replay worker's library served offline, the shop's URLs, and database checks.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { launchChromium } from "../src/browser.ts";
import type { CheckoutDetails } from "../src/pages/shopper.ts";
import { Shopper } from "../src/pages/shopper.ts";
import { serveRumWorkerLibrary } from "../src/rum-cdn.ts";

export interface ShopSession {
  context: BrowserContext;
  page: Page;
  shopper: Shopper;
}

/** Call at the top of a describe: `const session = useShopSession()`; read it inside tests. */
export function useShopSession() {
  let browser: Browser | undefined;
  const session = {} as ShopSession;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("no browser");
    session.context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await serveRumWorkerLibrary(session.context);
    session.page = await session.context.newPage();
    session.shopper = new Shopper(session.page, inject("webUrl"));
  });
  afterEach(async () => {
    await session.context.close();
  });
  return session;
}

export function uniqueEmail(label: string) {
  return `${label}.${randomUUID().slice(0, 8)}@example.com`;
}

export function checkoutDetails(email: string, card = "4242 4242 4242 4242"): CheckoutDetails {
  return {
    email,
    firstName: "Robin",
    lastName: "Tester",
    line1: "12 Harbor Street",
    city: "Portland",
    postalCode: "97201",
    country: "US",
    cardNumber: card,
    expiry: "12/34",
    cvc: "123",
    holderName: "Robin Tester",
  };
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
