// The full journey a person takes, in Debian's Chromium against the production build and the
// real services: what they see at each step, what the database then holds, and the trace it made.
import { SinkClient } from "@shop/telemetry-sink";
import { describe, expect, inject, it } from "vitest";
import { Shopper } from "../src/pages/shopper.ts";
import { checkoutDetails, query, uniqueEmail, useShopSession } from "./shop-fixtures.ts";

const session = useShopSession();

function traceIdOf(traceparent: string | undefined) {
  return traceparent?.split("-")[1];
}

describe("a shopper's journey", () => {
  it("home -> search -> product -> add to cart -> cart -> checkout -> confirmation -> order lookup, one trace per click", async () => {
    const { page, shopper, context } = session;
    const apiCalls: { path: string; traceparent: string | undefined }[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/trpc/"))
        apiCalls.push({ path: url.pathname, traceparent: request.headers().traceparent });
    });

    expect(await shopper.goto("/")).toBe(200);
    await expect.poll(() => shopper.heading().textContent()).toContain("Good things for everyday life");
    expect(await page.getByRole("list", { name: "Bestsellers" }).getByRole("listitem").count()).toBe(8);
    await shopper.waitForRum();

    await shopper.search("headphones");
    expect(await shopper.heading().textContent()).toContain("Results for “headphones”");
    expect(await shopper.productCards().count()).toBeGreaterThan(0);

    const name = await shopper.openFirstProductCard();
    const priceText = (await page.getByTestId("product-price").textContent()) ?? "";
    const unitPrice = Number(priceText.replace(/[^0-9.]/g, ""));
    expect(unitPrice).toBeGreaterThan(0);
    expect(await page.getByText(/In stock|Only \d+ left/).count()).toBeGreaterThan(0);

    expect(await shopper.addToCart(2)).toContain("Added to your cart (2 items)");
    await expect.poll(() => page.getByTestId("cart-link").textContent()).toContain("(2)");

    await shopper.openCart();
    expect(await shopper.cartLines().count()).toBe(1);
    expect(await shopper.cartLines().first().textContent()).toContain(name);
    const subtotal = Number(
      ((await page.getByTestId("cart-subtotal").textContent()) ?? "").replace(/[^0-9.]/g, ""),
    );
    expect(subtotal).toBeCloseTo(unitPrice * 2, 2);

    await shopper.proceedToCheckout();
    const email = uniqueEmail("journey");
    await shopper.fillCheckout(checkoutDetails(email));
    await shopper.placeOrder();
    const orderNumber = await shopper.confirmedOrderNumber();
    expect(orderNumber).toMatch(/^ORD-[0-9A-Z]{8}$/);
    expect(await page.getByTestId("order-status").textContent()).toBeTruthy();

    const [order] = await query<{ email: string; subtotal_minor: number; items: number }>(
      `select o.email, o.subtotal_minor, (select sum(quantity)::int from order_items i where i.order_id = o.id) as items
         from orders o where o.number = $1`,
      [orderNumber],
    );
    expect(order).toEqual({ email, subtotal_minor: Math.round(subtotal * 100), items: 2 });
    await expect.poll(() => page.getByTestId("cart-link").textContent()).toContain("(0)");

    // Another browser finds the order by number and email; a wrong email finds nothing.
    const browser = context.browser();
    if (!browser) throw new Error("no browser");
    const other = new Shopper(await browser.newPage(), inject("webUrl"));
    await other.lookUpOrder(orderNumber, "someone.else@example.com");
    await other.page.getByText("We could not find an order with that number and email").waitFor();
    await other.lookUpOrder(orderNumber, email);
    await other
      .heading()
      .filter({ hasText: `Order ${orderNumber}` })
      .waitFor();
    expect(await other.page.getByTestId("order-total").textContent()).toMatch(/^\$\d/);
    await other.page.close();

    // Every API call the page made carried the browser's trace context...
    expect(apiCalls.length).toBeGreaterThanOrEqual(3);
    for (const call of apiCalls)
      expect(call.traceparent, call.path).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);

    // ...and placing the order is one trace: the browser's id on the storefront's server span, the
    // checkout service's spans and the SQL they ran.
    const placeOrder = apiCalls.find((call) => call.path.endsWith("/checkout.placeOrder"));
    const traceId = traceIdOf(placeOrder?.traceparent);
    expect(traceId).toBeDefined();
    const sink = new SinkClient(inject("sinkUrl"));
    const trace = await sink.waitFor(
      () => sink.trace(traceId ?? ""),
      (found) =>
        Boolean(
          found?.spans.some(
            (span) => span.serviceName === "checkout" && span.name === "checkout/placeOrder",
          ) &&
          found.spans.some(
            (span) => span.serviceName === "orders" && span.attributes["db.system.name"] === "postgresql",
          ) &&
          // Each process exports on its own schedule: wait for the storefront's part too.
          found.spans.some((span) => span.name === "storefront/checkout.placeOrder"),
        ),
      { timeoutMs: 30_000, description: "the placeOrder trace" },
    );
    const spans = trace?.spans ?? [];
    const server = spans.find((span) => span.serviceName === "storefront" && span.kind === "SERVER");
    expect(server, "the storefront's server span").toBeDefined();
    expect(
      spans.some(
        (span) => span.serviceName === "storefront" && span.name === "storefront/checkout.placeOrder",
      ),
    ).toBe(true);
    expect(spans.filter((span) => span.attributes["db.system.name"] === "postgresql").length).toBeGreaterThan(
      0,
    );
    // The browser's span is the root's parent: nothing in the trace starts a new one.
    expect(spans.filter((span) => !span.parentSpanId)).toEqual([]);

    // Nothing the shopper typed that is personal or secret left any process: not in spans, logs
    // or RUM events (which the storefront also received for this session).
    const everything = JSON.stringify([await sink.spans(), await sink.logs(), await sink.rumEvents()]);
    for (const secret of ["4242424242424242", "4242 4242 4242 4242", email, encodeURIComponent(email)])
      expect(everything.includes(secret), secret).toBe(false);
  });
});
