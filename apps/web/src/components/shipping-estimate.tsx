"use client";
// "What will shipping cost?" before checkout: a country and postal code, then each method's price
// and delivery estimate for this cart.
import { useState } from "react";
import { api, apiProblem } from "../lib/api-client.ts";
import { formatMoney } from "../lib/money.ts";
import type { Country, ShippingOptions } from "../lib/storefront-types.ts";

interface Props {
  countries: Country[];
  subtotalMinor: number;
  itemCount: number;
}

export function ShippingEstimate({ countries, subtotalMinor, itemCount }: Props) {
  const [country, setCountry] = useState("US");
  const [postalCode, setPostalCode] = useState("");
  const [result, setResult] = useState<ShippingOptions | null>(null);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function estimate(event: React.SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setResult(await api.cart.shippingOptions.query({ country, postalCode }));
    } catch (error) {
      setResult(null);
      setProblem(apiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  const postalError = problem?.fields["destination.postalCode"]?.[0] ?? problem?.fields.postalCode?.[0];
  return (
    <form onSubmit={(event) => void estimate(event)} aria-label="Estimate shipping" noValidate>
      <fieldset>
        <legend>Estimate shipping</legend>
        <div className="field">
          <label htmlFor="estimate-country">Country</label>
          <select
            id="estimate-country"
            value={country}
            onChange={(event) => {
              setCountry(event.target.value);
            }}
          >
            {countries.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="estimate-postal">Postal code</label>
          <input
            id="estimate-postal"
            value={postalCode}
            onChange={(event) => {
              setPostalCode(event.target.value);
            }}
            autoComplete="postal-code"
            aria-invalid={Boolean(postalError)}
            aria-describedby={postalError ? "estimate-postal-error" : undefined}
          />
          {postalError && (
            <span className="error" id="estimate-postal-error">
              {postalError}
            </span>
          )}
        </div>
        <button className="button secondary" type="submit" disabled={busy || itemCount === 0}>
          {busy ? "Estimating…" : "Estimate"}
        </button>
        <div role="status" aria-live="polite">
          {problem && !postalError && <p className="error">{problem.message}</p>}
          {result && result.options.length > 0 && (
            <ul data-testid="shipping-estimate">
              {result.options.map((option) => (
                <li key={option.method}>
                  {option.method === "EXPRESS" ? "Express" : "Standard"} ({option.carrier}):{" "}
                  {option.costMinor === 0 ? "Free" : formatMoney(option.costMinor, option.currency)},{" "}
                  {option.estimatedDays.min}–{option.estimatedDays.max} business days
                </li>
              ))}
            </ul>
          )}
          {result && subtotalMinor > 0 && result.options.length === 0 && (
            <p>No shipping options for this cart.</p>
          )}
        </div>
      </fieldset>
    </form>
  );
}
