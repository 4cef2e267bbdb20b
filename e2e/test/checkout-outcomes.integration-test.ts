// The checkout's other answers, as a shopper meets them: a declined card, a product that sold out,
// and input the shop cannot accept. Each says clearly what happened, and nothing is lost: no order
// appears, the cart keeps its items, and the same shopper can go on to buy.
import { describe, expect, it } from "vitest";
import { checkoutDetails, query, uniqueEmail, useShopSession } from "./shop-fixtures.ts";

const session = useShopSession();

async function productInStock(minimum: number) {
  const [product] = await query<{
    id: number;
    slug: string;
    name: string;
    on_hand: number;
    reserved: number;
  }>(
    `select p.id, p.slug, p.name, i.on_hand, i.reserved from products p join inventory i on i.product_id = p.id
      where i.on_hand - i.reserved >= $1 order by p.id desc limit 1`,
    [minimum],
  );
  if (!product) throw new Error("no product in stock");
  return product;
}

async function ordersFor(email: string) {
  return query<{ number: string }>("select number from orders where email = $1", [email]);
}

describe("checkout outcomes", () => {
  it("a declined card is explained, charges nothing, keeps the cart, and a good card then succeeds", async () => {
    const { page, shopper } = session;
    const product = await productInStock(5);
    await shopper.goto(`/p/${product.slug}`);
    await shopper.waitForRum();
    expect(await shopper.addToCart(1)).toContain("Added to your cart");
    await shopper.openCart();
    await shopper.proceedToCheckout();
    const email = uniqueEmail("declined");
    await shopper.fillCheckout(checkoutDetails(email, "4000 0000 0000 0002"));
    await shopper.placeOrder();
    const declined = page.getByTestId("payment-declined");
    await declined.waitFor();
    expect(await declined.textContent()).toMatch(/^Payment declined: .*funds/i);
    expect(await ordersFor(email)).toEqual([]);
    expect(await page.getByLabel("CVC").inputValue()).toBe("");
    expect(await page.getByLabel("Email").inputValue()).toBe(email);

    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("CVC").fill("321");
    await shopper.placeOrder();
    const number = await shopper.confirmedOrderNumber();
    expect(await ordersFor(email)).toEqual([{ number }]);
  });

  it("an out-of-stock product cannot be added, and one that sells out before checkout is refused without charging", async () => {
    const { page, shopper } = session;
    const product = await productInStock(3);
    try {
      await query("update inventory set on_hand = reserved where product_id = $1", [product.id]);
      await shopper.goto(`/p/${product.slug}`);
      expect(await page.getByText("Out of stock", { exact: true }).count()).toBe(1);
      expect(await page.getByText(`${product.name} is out of stock right now`).count()).toBe(1);
      expect(await page.getByRole("button", { name: "Add to cart" }).count()).toBe(0);

      await query("update inventory set on_hand = $2 where product_id = $1", [product.id, product.on_hand]);
      await shopper.goto(`/p/${product.slug}`);
      await shopper.waitForRum();
      expect(await shopper.addToCart(2)).toContain("Added to your cart (2 items)");
      await shopper.openCart();
      await shopper.proceedToCheckout();
      const email = uniqueEmail("soldout");
      await shopper.fillCheckout(checkoutDetails(email));
      // Someone else buys the last units while this shopper types.
      await query("update inventory set on_hand = reserved where product_id = $1", [product.id]);
      await shopper.placeOrder();
      await page.getByTestId("checkout-sold-out").waitFor();
      expect(await ordersFor(email)).toEqual([]);
      const [payments] = await query<{ count: number }>(
        "select count(*)::int as count from payments where amount_minor > 0 and created_at > now() - interval '1 minute' and order_id is null and status = 'CAPTURED'",
      );
      expect(payments?.count).toBe(0);
      await shopper.openCart();
      expect(await shopper.cartLines().count()).toBe(1);
      expect(await shopper.cartLines().first().textContent()).toMatch(/no longer available|only 0 left/);
    } finally {
      await query("update inventory set on_hand = $2 where product_id = $1", [product.id, product.on_hand]);
    }
  });

  it("invalid input is pointed out field by field, in the page and by the API (400, never 500)", async () => {
    const { page, shopper } = session;
    const product = await productInStock(2);
    await shopper.goto(`/p/${product.slug}`);
    await shopper.waitForRum();
    await page.getByLabel("Quantity").fill("0");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Enter a quantity from 1 to 99.").waitFor();
    expect(await shopper.addToCart(1)).toContain("Added to your cart");
    await shopper.openCart();
    await shopper.proceedToCheckout();

    await shopper.placeOrder();
    for (const message of [
      "Enter a valid email address, like name@example.com.",
      "Enter your first name.",
      "Enter a street address.",
      "Check the card number: it is not a valid card number.",
      "Enter the expiry date as MM/YY.",
    ])
      await page.getByText(message).waitFor();
    expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");

    // A postal code the shipping service does not accept for the country: its message, on the field.
    await page.getByLabel("Country").selectOption("US");
    await page.getByLabel("Postal code").fill("ABCDE");
    await page.getByLabel("Postal code").blur();
    await page
      .locator("#checkout-postalCode-error")
      .filter({ hasText: /postal code/i })
      .waitFor();
    await page.getByLabel("Card number").fill("4242 4242 4242 4241");
    await page.getByLabel("Card number").blur();
    await page.getByText("Check the card number: it is not a valid card number.").waitFor();
    await page.getByLabel("Expiry (MM/YY)").fill("01/20");
    await page.getByLabel("Expiry (MM/YY)").blur();
    await page.getByText("This card has expired.").waitFor();

    // The API itself answers bad input with 400 and a message per field.
    const response = await page.request.post(
      new URL("/api/trpc/checkout.placeOrder", shopper.baseUrl).toString(),
      {
        data: { json: { idempotencyKey: "x", customer: { email: "not-an-email" } } },
      },
    );
    expect(response.status()).toBe(400);
    const body = (await response.json()) as {
      error: { json: { data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(Object.keys(body.error.json.data.fieldErrors)).toEqual(
      expect.arrayContaining(["idempotencyKey", "customer.email", "shippingAddress", "card"]),
    );
    await shopper.openCart();
    expect(await shopper.cartLines().count()).toBe(1);
  });
});
