// What a shopper does in the storefront, step by step, as page objects: the browser tests assert
// on these steps, and the bots (e2e/bots) will drive the same ones. Every step waits on what the
// page shows (a heading, a status message), never on time.
import type { Locator, Page } from "playwright-core";

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

export interface ShopperOptions {
  /** Delay between keystrokes when typing (a person types; a test fills at once). */
  typingDelayMs?: number;
  /** Picks among choices (which product, which category); Math.random by default. */
  random?: () => number;
}

export class Shopper {
  readonly page: Page;
  readonly baseUrl: string;
  readonly #typingDelayMs: number;
  readonly #random: () => number;

  constructor(page: Page, baseUrl: string, options: ShopperOptions = {}) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.#typingDelayMs = options.typingDelayMs ?? 0;
    this.#random = options.random ?? Math.random;
  }

  async #type(field: Locator, text: string) {
    if (this.#typingDelayMs <= 0) {
      await field.fill(text);
      return;
    }
    await field.fill("");
    await field.pressSequentially(text, { delay: this.#typingDelayMs });
  }

  #pick<T>(items: T[]): T | undefined {
    return items[Math.floor(this.#random() * items.length)];
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
    await this.#type(box, query);
    await box.press("Enter");
    await this.page.waitForURL(/\/search\?q=/);
    await this.heading().waitFor();
  }

  /** Opens a category from the header's navigation (a random one unless named). */
  async openCategory(name?: string) {
    const links = this.page.getByRole("navigation", { name: "Categories" }).getByRole("link");
    const names = (await links.allTextContents()).map((text) => text.trim());
    const chosen = name ?? this.#pick(names);
    if (!chosen) throw new Error("no categories in the header");
    await links.filter({ hasText: chosen }).first().click();
    await this.heading().filter({ hasText: chosen }).waitFor();
    return chosen;
  }

  /** Changes the listing's sort order with the filter form (a GET form: a new page). */
  async sortBy(label: string) {
    await this.page.getByLabel("Sort by").selectOption({ label });
    await this.page.getByRole("button", { name: "Apply" }).click();
    await this.page.waitForURL(/sort=/);
  }

  /** Opens a random product of the grid that is in stock; undefined when none is. */
  async openRandomProduct(): Promise<string | undefined> {
    const cards = this.productCards().filter({ hasNotText: "Out of stock" });
    const count = await cards.count();
    if (count === 0) return undefined;
    const card = cards.nth(Math.floor(this.#random() * count));
    const name = (await card.getByRole("heading", { level: 3 }).textContent())?.trim() ?? "";
    await card.getByRole("link").first().click();
    await this.heading().filter({ hasText: name }).waitFor();
    return name;
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
    await this.fillContactAndAddress(details);
    await this.chooseShipping(details.shippingMethod ?? "Standard");
    await this.fillPayment(details);
  }

  async fillContactAndAddress(details: CheckoutDetails) {
    const page = this.page;
    await this.#type(page.getByLabel("Email"), details.email);
    await this.#type(page.getByLabel("First name"), details.firstName);
    await this.#type(page.getByLabel("Last name"), details.lastName);
    await this.#type(page.getByLabel("Street address"), details.line1);
    await this.#type(page.getByLabel("City"), details.city);
    await page.getByLabel("Country").selectOption(details.country);
    await this.#type(page.getByLabel("Postal code"), details.postalCode);
    await page.getByLabel("Postal code").blur();
  }

  /** Picks a shipping method once the options for the address have loaded. */
  async chooseShipping(method: "Standard" | "Express") {
    const option = this.page.getByRole("radio", { name: new RegExp(method) });
    await option.waitFor({ timeout: 15_000 });
    await option.check();
  }

  async fillPayment(details: Pick<CheckoutDetails, "cardNumber" | "expiry" | "cvc" | "holderName">) {
    const page = this.page;
    await this.#type(page.getByLabel("Card number"), details.cardNumber);
    await this.#type(page.getByLabel("Expiry (MM/YY)"), details.expiry);
    await this.#type(page.getByLabel("CVC"), details.cvc);
    await this.#type(page.getByLabel("Name on card"), details.holderName);
  }

  /** After "Place order": the order number, or the decline message the page shows instead. */
  async orderOutcome(): Promise<{ placed: true; number: string } | { placed: false; message: string }> {
    const confirmed = this.heading().filter({ hasText: "Your order is confirmed" });
    const refused = this.page.locator(
      "[data-testid=payment-declined], [data-testid=checkout-error], [data-testid=checkout-sold-out]",
    );
    await confirmed.or(refused).first().waitFor({ timeout: 30_000 });
    if (await confirmed.count()) {
      return {
        placed: true,
        number: (await this.page.getByTestId("order-number").textContent())?.trim() ?? "",
      };
    }
    return { placed: false, message: (await refused.first().textContent())?.trim() ?? "" };
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
    if (!this.page.url().endsWith("/orders")) await this.goto("/orders");
    await this.#type(this.page.getByLabel("Order number"), number);
    await this.#type(this.page.getByLabel("Email"), email);
    await this.page.getByRole("button", { name: "Find order" }).click();
  }

  /** After a lookup: true when the order page opened, false when the shop found no such order. */
  async lookupFound(number: string): Promise<boolean> {
    const found = this.heading().filter({ hasText: `Order ${number}` });
    const missing = this.page.getByText("We could not find an order with that number and email");
    await found.or(missing).first().waitFor({ timeout: 15_000 });
    return (await found.count()) > 0;
  }
}
