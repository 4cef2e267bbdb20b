// Nothing a shopper types that is personal or secret leaves a process. One full journey in Chromium
// (search, product, cart, checkout with a test card, then an order lookup by email), then
// everything the sink holds (spans, logs, metrics, RUM events and recording metadata, from this
// test and every earlier one) and the session-recording uploads the page made (read off the wire:
// the sink keeps only their size) are searched for the card number (and any Luhn-valid 13-19 digit
// run), the CVC beside its name, email addresses (any, and this shopper's, URL-encoded too),
// bearer credentials and the shop's cookie values. The detector (e2e/src/sensitive-data.ts) is
// independent of @shop/telemetry's redaction, which it checks.
import { SinkClient } from "@shop/telemetry-sink";
import { describe, expect, inject, it } from "vitest";
import { recordingText } from "../src/rum-recording-text.ts";
import { describeFindings, findSensitiveData } from "../src/sensitive-data.ts";
import { checkoutDetails, uniqueEmail, useShopSession } from "./shop-fixtures.ts";

const session = useShopSession();

const CARD = "4242 4242 4242 4242";
// Not the fixtures' "123": a value that appears in telemetry only if the CVC does.
const CVC = "739";
const NANOS_PER_MS = 1_000_000n;

/** The <title>s of the pages a recording upload holds, to tell which pages were recorded. */
function pageTitles(upload: string): string[] {
  return [...upload.matchAll(/"tagName":"title".{0,80}?"textContent":"([^"]*)"/g)].map(
    (match) => match[1] ?? "",
  );
}

describe("telemetry over a full journey", () => {
  it(
    "holds no card number, CVC, email address, bearer credential or cookie value",
    { timeout: 300_000 },
    async () => {
      const { context, page, shopper } = session;
      const sink = new SinkClient(inject("sinkUrl"));
      const traceIds = new Map<string, string>();
      const recordings: Promise<string>[] = [];
      page.on("request", (request) => {
        const url = new URL(request.url());
        const traceId = request.headers().traceparent?.split("-")[1];
        if (url.pathname.startsWith("/api/trpc/") && traceId)
          traceIds.set(url.pathname.split("/").pop() ?? "", traceId);
        const body = request.postDataBuffer();
        if (
          url.pathname === "/api/rum" &&
          url.searchParams.get("cxforward")?.endsWith("/sessionrecording") &&
          body
        )
          recordings.push(recordingText(body, request.headers()["content-type"] ?? ""));
      });

      await shopper.goto("/");
      await shopper.waitForRum();
      const rumSession = await page.evaluate(() => document.documentElement.dataset.rumSession ?? "");
      await shopper.search("headphones");
      await shopper.openFirstProductCard();
      expect(await shopper.addToCart(1)).toContain("Added to your cart");
      await shopper.openCart();
      await shopper.proceedToCheckout();
      const email = uniqueEmail("security");
      await shopper.fillCheckout({ ...checkoutDetails(email, CARD), cvc: CVC });
      await shopper.placeOrder();
      const orderNumber = await shopper.confirmedOrderNumber();
      const placedAt = BigInt(Date.now()) * NANOS_PER_MS;
      await shopper.lookUpOrder(orderNumber, email);
      expect(await shopper.lookupFound(orderNumber)).toBe(true);
      // A click on the order page, so that page surely has RUM events of its own (the order page
      // loads nothing else the RUM SDK would report once it is open).
      await shopper
        .heading()
        .filter({ hasText: `Order ${orderNumber}` })
        .click();
      const cookies = await context.cookies();
      expect(cookies.map((cookie) => cookie.name)).toEqual(
        expect.arrayContaining(["cart_id", "order_access"]),
      );

      // Wait until the journey's telemetry is in: its traces (each process exports on its own
      // schedule), a metric export from after the order (up to one export interval), its RUM
      // events up to the order page.
      const placeOrder = traceIds.get("checkout.placeOrder") ?? "";
      expect(placeOrder).toMatch(/^[0-9a-f]{32}$/);
      await sink.waitFor(
        () => sink.trace(placeOrder),
        (trace) =>
          ["storefront", "checkout", "payment", "orders"].every((service) =>
            trace?.spans.some((span) => span.serviceName === service),
          ),
        { timeoutMs: 30_000, description: "the placeOrder trace from every service" },
      );
      await sink.waitFor(
        () => sink.metrics({ service: "checkout" }),
        (points) => points.some((point) => BigInt(point.timeUnixNano) > placedAt),
        { timeoutMs: 90_000, intervalMs: 1_000, description: "a metric export after the order" },
      );
      await sink.waitFor(
        () => sink.rumEvents({ session: rumSession }),
        (events) => events.some((event) => event.pageUrl?.includes(`/orders/${orderNumber}`)),
        { timeoutMs: 60_000, intervalMs: 1_000, description: "RUM events from the order page" },
      );

      const known = {
        cardNumbers: [CARD],
        cvc: CVC,
        emails: [email],
        secrets: cookies.map((cookie) => cookie.value),
      };
      const captured = {
        spans: await sink.spans(),
        logs: await sink.logs(),
        metrics: await sink.metrics(),
        rumEvents: await sink.rumEvents(),
        rumRecordings: await sink.rumRecordings(),
        recordingUploads: await Promise.all(recordings),
      };
      expect(captured.spans.length).toBeGreaterThan(0);
      expect(captured.logs.length).toBeGreaterThan(0);
      expect(captured.rumEvents.length).toBeGreaterThan(0);
      // Every signal is searched before failing, so one run shows every leak (each once, with where).
      const leaks = Object.entries(captured).flatMap(([signal, records]) =>
        findSensitiveData(JSON.stringify(records), known).map((finding) => ({ ...finding, signal })),
      );
      const seen = new Map(leaks.map((leak) => [`${leak.signal} ${leak.kind}: ${leak.match}`, leak.context]));
      expect
        .soft([...seen.keys()], [...seen].map(([what, where]) => `${what} in …${where}…`).join("\n"))
        .toEqual([]);
      // The uploads include the checkout form's page (where the card was typed): wait for its
      // segment (uploaded on the SDK's schedule), then search what arrived meanwhile too.
      const checkoutRecorded = (uploads: string[]) =>
        uploads.some((upload) => pageTitles(upload).some((title) => title.startsWith("Checkout")));
      await sink.waitFor(
        async () => {
          const all = await Promise.all(recordings);
          return { pages: all.map(pageTitles), checkout: checkoutRecorded(all), uploads: all.length };
        },
        (seen) => seen.checkout,
        { timeoutMs: 60_000, intervalMs: 1_000, description: "a recording of the checkout form" },
      );
      const late = findSensitiveData(JSON.stringify(await Promise.all(recordings)), known);
      expect(late, describeFindings(late)).toEqual([]);
    },
  );
});
