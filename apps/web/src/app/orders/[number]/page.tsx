// One order: the confirmation right after checkout, or the details of a looked-up order. Only
// for the browser that placed or looked it up (order_access cookie); anyone else gets the lookup.
import type { Metadata } from "next";
import { ShopLink } from "../../../components/shop-link.tsx";
import { formatMoney } from "../../../lib/money.ts";
import { storefrontApi } from "../../../server/caller.ts";
import { isBadRequest, isNotFound } from "../../../server/is-not-found.ts";

interface Props {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "Your order" };

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export default async function OrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const placed = (await searchParams).placed === "1";
  const api = await storefrontApi();
  let order;
  try {
    order = await api.orders.get({ number });
  } catch (error) {
    if (!isNotFound(error) && !isBadRequest(error)) throw error;
    return (
      <>
        <h1>Order {number.slice(0, 20)}</h1>
        <p className="notice info">
          To see this order, <ShopLink href="/orders">look it up</ShopLink> with the email address it was
          placed with.
        </p>
      </>
    );
  }
  return (
    <>
      {placed && (
        <div className="notice success" role="status">
          <h1>Thank you! Your order is confirmed.</h1>
          <p>We have sent a confirmation for order {order.number}.</p>
        </div>
      )}
      {!placed && <h1>Order {order.number}</h1>}
      <p>
        Order number <strong data-testid="order-number">{order.number}</strong>, placed{" "}
        {DATE.format(order.createdAt)}. Status:{" "}
        <strong data-testid="order-status">{order.status.toLowerCase()}</strong>.
      </p>
      <table className="order-items">
        <caption className="visually-hidden">Items in this order</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.productId}>
              <td>{item.productName}</td>
              <td className="num">{item.quantity}</td>
              <td className="num">{formatMoney(item.lineTotalMinor, order.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Shipping
            </th>
            <td className="num">
              {order.shippingMinor === 0 ? "Free" : formatMoney(order.shippingMinor, order.currency)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="num" data-testid="order-total">
              {formatMoney(order.totalMinor, order.currency)}
            </td>
          </tr>
        </tfoot>
      </table>
      <h2>Delivery</h2>
      <address>
        {order.shippingAddress.name}
        <br />
        {order.shippingAddress.line1}
        {order.shippingAddress.line2 && (
          <>
            <br />
            {order.shippingAddress.line2}
          </>
        )}
        <br />
        {order.shippingAddress.city} {order.shippingAddress.postalCode}, {order.shippingAddress.country}
      </address>
      {order.shipment && (
        <p>
          {order.shipment.method === "EXPRESS" ? "Express" : "Standard"} shipping with{" "}
          {order.shipment.carrier}, expected by {DATE.format(order.shipment.estimatedDeliveryAt)}.
        </p>
      )}
      {order.payment && (
        <p>
          Paid with {order.payment.cardBrand} ending in {order.payment.cardLast4}.
        </p>
      )}
      <p>
        <ShopLink className="button secondary" href="/">
          Continue shopping
        </ShopLink>
      </p>
    </>
  );
}
