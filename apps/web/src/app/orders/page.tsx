// Find an order by its number and the email it was placed with.
import type { Metadata } from "next";
import { OrderLookupForm } from "../../components/order-lookup-form.tsx";

export const metadata: Metadata = { title: "Find an order" };

export default function OrderLookupPage() {
  return (
    <>
      <h1>Find an order</h1>
      <p>
        Enter your order number (it starts with ORD-, and is in your confirmation) and the email you used at
        checkout.
      </p>
      <OrderLookupForm />
    </>
  );
}
