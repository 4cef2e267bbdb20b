// axe-core on the main pages, as rendered by the production build: no serious or critical
// violations (WCAG 2.1 A and AA rules), on a desktop and on a phone-sized viewport.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { query, useShopSession } from "./shop-fixtures.ts";

const session = useShopSession();

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? ""}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

describe("accessibility of the main pages", () => {
  it("home, category, search, product, cart, checkout and order lookup have no serious violations", async () => {
    const { page, shopper } = session;
    const [product] = await query<{ slug: string; category: string }>(
      `select p.slug, c.slug as category from products p join categories c on c.id = p.category_id
         join inventory i on i.product_id = p.id where i.on_hand - i.reserved > 2 order by p.id limit 1`,
    );
    if (!product) throw new Error("no product");
    const found: Record<string, string[]> = {};
    for (const path of [
      "/",
      `/c/${product.category}`,
      "/search?q=bag",
      "/search?q=zzzzqqq",
      `/p/${product.slug}`,
      "/orders",
      "/no-such-page",
    ]) {
      await shopper.goto(path);
      found[path] = await seriousViolations(page);
    }
    await shopper.goto(`/p/${product.slug}`);
    await shopper.waitForRum();
    await shopper.addToCart(1);
    for (const path of ["/cart", "/checkout"]) {
      await shopper.goto(path);
      found[path] = await seriousViolations(page);
    }
    // The checkout with its inline errors showing.
    await shopper.placeOrder();
    await page.getByText("Enter your first name.").waitFor();
    found["/checkout (errors)"] = await seriousViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await shopper.goto("/");
    found["/ (phone)"] = await seriousViolations(page);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])));
  });
});
