"use client";
// The checkout form. Each field is checked when the shopper leaves it and again on "Place order";
// the server's field messages (bad postal code for the country...) land on the same fields. A
// declined card is an answer shown above the card, with everything else kept. The card fields are
// blocked from session replay (rr-block) and never leave the request that places the order.
import { useEffect, useRef, useState } from "react";
import { api, apiProblem } from "../lib/api-client.ts";
import { ShopLink } from "./shop-link.tsx";
import { digitsOf, isExpired, parseExpiry, passesLuhn } from "../lib/card-checks.ts";
import { formatMoney } from "../lib/money.ts";
import { endRumTiming, identifyShopper, rumMeasurement, startRumTiming } from "../lib/rum.ts";
import type { CartData, Country, ShippingOptions } from "../lib/storefront-types.ts";

type Values = Record<FieldName, string>;
type FieldName =
  | "email"
  | "firstName"
  | "lastName"
  | "line1"
  | "line2"
  | "city"
  | "region"
  | "postalCode"
  | "country"
  | "shippingMethod"
  | "cardNumber"
  | "expiry"
  | "cvc"
  | "holderName";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Server field paths (placeOrder's input) to the form's fields. */
const SERVER_FIELDS: Record<string, FieldName> = {
  "customer.email": "email",
  "customer.firstName": "firstName",
  "customer.lastName": "lastName",
  "shippingAddress.line1": "line1",
  "shippingAddress.city": "city",
  "shippingAddress.postalCode": "postalCode",
  "shippingAddress.country": "country",
  "destination.postalCode": "postalCode",
  "destination.country": "country",
  shippingMethod: "shippingMethod",
  "card.number": "cardNumber",
  "card.expMonth": "expiry",
  "card.expYear": "expiry",
  "card.cvc": "cvc",
  "card.holderName": "holderName",
};

function check(field: FieldName, values: Values): string | undefined {
  const value = values[field].trim();
  switch (field) {
    case "email":
      return EMAIL.test(value) ? undefined : "Enter a valid email address, like name@example.com.";
    case "firstName":
      return value ? undefined : "Enter your first name.";
    case "lastName":
      return value ? undefined : "Enter your last name.";
    case "line1":
      return value ? undefined : "Enter a street address.";
    case "city":
      return value ? undefined : "Enter a city.";
    case "postalCode":
      return value.length >= 2 ? undefined : "Enter a postal code.";
    case "country":
      return value ? undefined : "Choose a country.";
    case "shippingMethod":
      return value ? undefined : "Choose a shipping method.";
    case "cardNumber":
      return passesLuhn(digitsOf(value))
        ? undefined
        : "Check the card number: it is not a valid card number.";
    case "expiry": {
      const expiry = parseExpiry(value);
      if (!expiry) return "Enter the expiry date as MM/YY.";
      return isExpired(expiry) ? "This card has expired." : undefined;
    }
    case "cvc":
      return /^\d{3,4}$/.test(value) ? undefined : "Enter the 3 or 4 digits on the back of the card.";
    case "holderName":
      return value ? undefined : "Enter the name on the card.";
    default:
      return undefined;
  }
}

const REQUIRED: FieldName[] = [
  "email",
  "firstName",
  "lastName",
  "line1",
  "city",
  "postalCode",
  "country",
  "shippingMethod",
  "cardNumber",
  "expiry",
  "cvc",
  "holderName",
];

function newAttemptKey(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

export function CheckoutForm({ cart, countries }: { cart: CartData; countries: Country[] }) {
  const [values, setValues] = useState<Values>({
    email: "",
    firstName: "",
    lastName: "",
    line1: "",
    line2: "",
    city: "",
    region: "",
    postalCode: "",
    country: "US",
    shippingMethod: "",
    cardNumber: "",
    expiry: "",
    cvc: "",
    holderName: "",
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [shipping, setShipping] = useState<ShippingOptions | null>(null);
  const [banner, setBanner] = useState<{ kind: "error" | "declined" | "sold-out"; message: string } | null>(
    null,
  );
  const [placing, setPlacing] = useState(false);
  // One key per attempt: a retry after a lost answer reuses it (the shop answers with the same
  // order instead of charging twice); a definite answer ends the attempt.
  const attemptKey = useRef<string | null>(null);
  const bannerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    startRumTiming("checkout_duration", { items: String(cart.itemCount) });
    rumMeasurement("checkout_cart_value", cart.subtotalMinor / 100);
  }, [cart.itemCount, cart.subtotalMinor]);

  useEffect(() => {
    if (banner) bannerRef.current?.focus();
  }, [banner]);

  function set(field: FieldName, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function validate(field: FieldName) {
    const message = check(field, values);
    setErrors((current) => ({ ...current, [field]: message }));
    if (field === "email" && !message) void identifyShopper(values.email);
  }

  async function loadShipping(country = values.country, postalCode = values.postalCode) {
    if (!country || postalCode.trim().length < 2) return;
    try {
      const quote = await api.cart.shippingOptions.query({ country, postalCode: postalCode.trim() });
      setShipping(quote);
      const methods = quote.options.map((option) => option.method as string);
      setValues((current) => ({
        ...current,
        shippingMethod: methods.includes(current.shippingMethod)
          ? current.shippingMethod
          : (methods[0] ?? ""),
      }));
      setErrors((current) => ({ ...current, postalCode: undefined, shippingMethod: undefined }));
    } catch (error) {
      const problem = apiProblem(error);
      setShipping(null);
      setErrors((current) => ({
        ...current,
        postalCode:
          problem.fields["destination.postalCode"]?.[0] ?? problem.fields.postalCode?.[0] ?? problem.message,
      }));
    }
  }

  async function placeOrder(event: React.SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setBanner(null);
    const found: Partial<Record<FieldName, string>> = {};
    for (const field of REQUIRED) {
      const message = check(field, values);
      if (message) found[field] = message;
    }
    setErrors(found);
    const first = REQUIRED.find((field) => found[field]);
    if (first) {
      document.getElementById(`checkout-${first}`)?.focus();
      return;
    }
    const expiry = parseExpiry(values.expiry);
    if (!expiry) return;
    attemptKey.current ??= newAttemptKey();
    setPlacing(true);
    try {
      const result = await api.checkout.placeOrder.mutate({
        idempotencyKey: attemptKey.current,
        customer: { email: values.email.trim(), firstName: values.firstName, lastName: values.lastName },
        shippingAddress: {
          line1: values.line1,
          ...(values.line2.trim() ? { line2: values.line2 } : {}),
          city: values.city,
          ...(values.region.trim() ? { region: values.region } : {}),
          postalCode: values.postalCode,
          country: values.country,
        },
        shippingMethod: values.shippingMethod as "STANDARD" | "EXPRESS",
        card: {
          number: digitsOf(values.cardNumber),
          expMonth: expiry.month,
          expYear: expiry.year,
          cvc: values.cvc,
          holderName: values.holderName,
        },
      });
      attemptKey.current = null;
      if (result.status === "DECLINED") {
        setValues((current) => ({ ...current, cvc: "" }));
        setBanner({ kind: "declined", message: result.message });
        setPlacing(false);
        return;
      }
      endRumTiming("checkout_duration");
      rumMeasurement("order_value", result.totalMinor / 100);
      // A full page load: the whole page (the header's cart count too) reflects the new order.
      window.location.assign(`/orders/${result.orderNumber}?placed=1`);
    } catch (error) {
      const problem = apiProblem(error);
      // Only a lost or busy answer keeps the attempt's key for a retry.
      if (!problem.retryable) attemptKey.current = null;
      const fieldErrors: Partial<Record<FieldName, string>> = {};
      for (const [path, messages] of Object.entries(problem.fields)) {
        const field = SERVER_FIELDS[path];
        if (field && messages[0]) fieldErrors[field] = messages[0];
      }
      setErrors(fieldErrors);
      setBanner({
        kind: problem.domainCode === "OUT_OF_STOCK" ? "sold-out" : "error",
        message:
          Object.keys(fieldErrors).length > 0 ? "Please check the highlighted fields." : problem.message,
      });
      setPlacing(false);
    }
  }

  const field = (name: FieldName, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="field">
      <label htmlFor={`checkout-${name}`}>{label}</label>
      <input
        id={`checkout-${name}`}
        name={name}
        value={values[name]}
        onChange={(event) => {
          set(name, event.target.value);
        }}
        onBlur={() => {
          if (REQUIRED.includes(name)) validate(name);
        }}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `checkout-${name}-error` : undefined}
        {...props}
      />
      {errors[name] && (
        <span className="error" id={`checkout-${name}-error`}>
          {errors[name]}
        </span>
      )}
    </div>
  );

  const chosen = shipping?.options.find((option) => option.method === values.shippingMethod);
  const totalMinor = cart.subtotalMinor + (chosen?.costMinor ?? 0);

  return (
    <form
      className="checkout-layout"
      onSubmit={(event) => void placeOrder(event)}
      noValidate
      data-cx-action-name="checkout-form"
    >
      <div>
        <div ref={bannerRef} tabIndex={-1} aria-live="assertive">
          {banner?.kind === "sold-out" && (
            <p className="notice error" role="alert" data-testid="checkout-sold-out">
              Sorry, an item in your cart has just sold out, so nothing was charged. Please{" "}
              <ShopLink href="/cart">review your cart</ShopLink> and try again.
            </p>
          )}
          {banner && banner.kind !== "sold-out" && (
            <p
              className="notice error"
              role="alert"
              data-testid={banner.kind === "declined" ? "payment-declined" : "checkout-error"}
            >
              {banner.kind === "declined" ? `Payment declined: ${banner.message}` : banner.message}
            </p>
          )}
        </div>
        <fieldset>
          <legend>Contact</legend>
          <div className="form-grid">
            {field("email", "Email", { type: "email", autoComplete: "email", inputMode: "email" })}
            {field("firstName", "First name", { autoComplete: "given-name" })}
            {field("lastName", "Last name", { autoComplete: "family-name" })}
          </div>
        </fieldset>
        <fieldset>
          <legend>Shipping address</legend>
          <div className="form-grid">
            {field("line1", "Street address", { autoComplete: "address-line1" })}
            {field("line2", "Apartment, suite (optional)", { autoComplete: "address-line2" })}
            {field("city", "City", { autoComplete: "address-level2" })}
            {field("region", "State / region (optional)", { autoComplete: "address-level1" })}
            <div className="field">
              <label htmlFor="checkout-country">Country</label>
              <select
                id="checkout-country"
                name="country"
                value={values.country}
                autoComplete="country"
                onChange={(event) => {
                  set("country", event.target.value);
                  void loadShipping(event.target.value);
                }}
              >
                {countries.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </select>
            </div>
            {field("postalCode", "Postal code", {
              autoComplete: "postal-code",
              onBlur: () => {
                validate("postalCode");
                void loadShipping();
              },
            })}
          </div>
        </fieldset>
        <fieldset>
          <legend>Shipping method</legend>
          {shipping && shipping.options.length > 0 ? (
            <div className="shipping-options" role="radiogroup" aria-label="Shipping method">
              {shipping.options.map((option) => (
                <label key={option.method} className="shipping-option">
                  <input
                    type="radio"
                    name="shippingMethod"
                    value={option.method}
                    checked={values.shippingMethod === option.method}
                    onChange={() => {
                      set("shippingMethod", option.method);
                    }}
                  />
                  <span>
                    <strong>{option.method === "EXPRESS" ? "Express" : "Standard"}</strong> ({option.carrier}
                    ), {option.estimatedDays.min}–{option.estimatedDays.max} business days:{" "}
                    {option.costMinor === 0 ? "Free" : formatMoney(option.costMinor, option.currency)}
                  </span>
                </label>
              ))}
            </div>
          ) : (
            <p className="hint">Enter your country and postal code to see shipping options.</p>
          )}
          {errors.shippingMethod && <p className="error">{errors.shippingMethod}</p>}
        </fieldset>
        <fieldset className="rr-block">
          <legend>Payment</legend>
          <div className="test-cards" id="test-cards">
            <strong>This is a demo shop: use a test card.</strong> 4242 4242 4242 4242 is approved;{" "}
            <code>4000 0000 0000 0002</code> is declined (insufficient funds);{" "}
            <code>4000 0000 0000 0069</code> is declined (expired card). Any future expiry date and any
            3-digit CVC.
          </div>
          <div className="form-grid">
            {field("cardNumber", "Card number", {
              inputMode: "numeric",
              autoComplete: "cc-number",
              "aria-describedby": errors.cardNumber ? "checkout-cardNumber-error" : "test-cards",
            })}
            {field("expiry", "Expiry (MM/YY)", {
              autoComplete: "cc-exp",
              inputMode: "numeric",
              placeholder: "MM/YY",
            })}
            {field("cvc", "CVC", { autoComplete: "cc-csc", inputMode: "numeric", maxLength: 4 })}
            {field("holderName", "Name on card", { autoComplete: "cc-name" })}
          </div>
        </fieldset>
      </div>
      <aside className="summary" aria-label="Order summary">
        <dl>
          <dt>Items ({cart.itemCount})</dt>
          <dd>{formatMoney(cart.subtotalMinor, cart.currency)}</dd>
          <dt>Shipping</dt>
          <dd>
            {chosen
              ? chosen.costMinor === 0
                ? "Free"
                : formatMoney(chosen.costMinor, chosen.currency)
              : "—"}
          </dd>
          <dt className="total">Total</dt>
          <dd className="total" data-testid="checkout-total">
            {formatMoney(totalMinor, cart.currency)}
          </dd>
        </dl>
        <button
          className="button"
          type="submit"
          disabled={placing}
          data-cx-action-name="place-order"
          style={{ width: "100%" }}
        >
          {placing ? "Placing order…" : "Place order"}
        </button>
      </aside>
    </form>
  );
}
