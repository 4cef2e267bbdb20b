"use client";
// Order number + email; on a match the browser may see that order, and goes to it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, apiProblem } from "../lib/api-client.ts";

export function OrderLookupForm() {
  const router = useRouter();
  const [number, setNumber] = useState("");
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function lookUp(event: React.SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const order = await api.orders.lookup.mutate({ number, email });
      router.push(`/orders/${order.number}`);
    } catch (error) {
      const found = apiProblem(error);
      setProblem(
        found.domainCode === "NOT_FOUND"
          ? {
              message: "We could not find an order with that number and email. Check both and try again.",
              fields: {},
            }
          : found,
      );
      setBusy(false);
    }
  }

  const numberError = problem?.fields.number?.[0];
  const emailError = problem?.fields.email?.[0];
  return (
    <form onSubmit={(event) => void lookUp(event)} noValidate style={{ maxWidth: "28rem" }}>
      {problem && !numberError && !emailError && (
        <p className="notice error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="lookup-number">Order number</label>
        <input
          id="lookup-number"
          value={number}
          onChange={(event) => {
            setNumber(event.target.value);
          }}
          placeholder="ORD-XXXXXXXX"
          autoCapitalize="characters"
          aria-invalid={Boolean(numberError)}
          aria-describedby={numberError ? "lookup-number-error" : undefined}
        />
        {numberError && (
          <span className="error" id="lookup-number-error">
            {numberError}
          </span>
        )}
      </div>
      <div className="field" style={{ marginTop: "1rem" }}>
        <label htmlFor="lookup-email">Email</label>
        <input
          id="lookup-email"
          type="email"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
          autoComplete="email"
          aria-invalid={Boolean(emailError)}
          aria-describedby={emailError ? "lookup-email-error" : undefined}
        />
        {emailError && (
          <span className="error" id="lookup-email-error">
            {emailError}
          </span>
        )}
      </div>
      <button
        className="button"
        type="submit"
        disabled={busy}
        style={{ marginTop: "1rem" }}
        data-cx-action-name="find-order"
      >
        {busy ? "Looking…" : "Find order"}
      </button>
    </form>
  );
}
