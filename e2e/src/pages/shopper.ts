// What a shopper does in the storefront, step by step, as page objects: the browser tests assert
// on these steps, and the bots (e2e/bots) will drive the same ones. Every step waits on what the
// page shows (a heading, a status message), never on time.
import type { Page } from "playwright-core";

export interface CheckoutDetails {
  email: string;
  firstName: string;
  lastName: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  shippingMethod?: "Standard" | "Express";
  cardNumber: string;
  expiry: string;
  cvc: string;
  holderName: string;
}

export class Shopper {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async goto(path: string) {
    const response = await this.page.goto(new URL(path, this.baseUrl).toString());
    return response?.status() ?? 0;
  }

  /** RUM is loaded after the first paint; steps that call the API wait for it (traceparent). */
  async waitForRum() {
    await this.page.locator("html[data-rum='ready']").waitFor({ state: "attached", timeout: 20_000 });
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  async search(query: string) {
    const box = this.page.getByRole("searchbox", { name: "Search products" });
    await box.fill(query);
    await box.press("Enter");
    await this.page.waitForURL(/\/search\?q=/);
  }

  productCards() {
    return this.page.getByTestId("product-card");
  }

  async openProduct(name: string) {
    await this.page.getByRole("link", { name }).first().click();
    await this.heading().filter({ hasText: name }).waitFor();
  }

  async openFirstProductCard() {
    const card = this.productCards().first();
    const name = (await card.getByRole("heading", { level: 3 }).textContent())?.trim() ?? "";
    await card.getByRole("link").first().click();
    await this.heading().filter({ hasText: name }).waitFor();
    return name;
  }

  /** Adds to the cart; resolves with the status message the shopper reads. */
  async addToCart(quantity = 1) {
    await this.page.getByLabel("Quantity").fill(String(quantity));
    await this.page.getByRole("button", { name: "Add to cart" }).click();
    const message = this.page.locator("#add-to-cart-message .notice");
    await message.waitFor();
    return (await message.textContent())?.trim() ?? "";
  }

  async openCart() {
    await this.page.getByTestId("cart-link").click();
    await this.heading().filter({ hasText: "Your cart" }).waitFor();
  }

  cartLines() {
    return this.page.getByTestId("cart-line");
  }

  async proceedToCheckout() {
    await this.page.getByRole("link", { name: "Checkout" }).click();
    await this.heading().filter({ hasText: "Checkout" }).waitFor();
  }

  async fillCheckout(details: CheckoutDetails) {
    const page = this.page;
    await page.getByLabel("Email").fill(details.email);
    await page.getByLabel("First name").fill(details.firstName);
    await page.getByLabel("Last name").fill(details.lastName);
    await page.getByLabel("Street address").fill(details.line1);
    await page.getByLabel("City").fill(details.city);
    await page.getByLabel("Country").selectOption(details.country);
    await page.getByLabel("Postal code").fill(details.postalCode);
    await page.getByLabel("Postal code").blur();
    const method = page.getByRole("radio", { name: new RegExp(details.shippingMethod ?? "Standard") });
    await method.waitFor({ timeout: 15_000 });
    await method.check();
    await page.getByLabel("Card number").fill(details.cardNumber);
    await page.getByLabel("Expiry (MM/YY)").fill(details.expiry);
    await page.getByLabel("CVC").fill(details.cvc);
    await page.getByLabel("Name on card").fill(details.holderName);
  }

  async placeOrder() {
    await this.page.getByRole("button", { name: "Place order" }).click();
  }

  /** After a successful order: the confirmation's order number. */
  async confirmedOrderNumber() {
    await this.heading().filter({ hasText: "Your order is confirmed" }).waitFor({ timeout: 30_000 });
    return (await this.page.getByTestId("order-number").textContent())?.trim() ?? "";
  }

  async lookUpOrder(number: string, email: string) {
    await this.goto("/orders");
    await this.page.getByLabel("Order number").fill(number);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByRole("button", { name: "Find order" }).click();
  }
}
