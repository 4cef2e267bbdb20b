// Made-up shoppers for checkout: names, addresses the shipping service accepts, approved test
// cards, and emails on example.com (reserved: never a real inbox).
import { randomUUID } from "node:crypto";
import type { CheckoutDetails } from "../src/pages/shopper.ts";

const FIRST = ["Ava", "Noah", "Mia", "Liam", "Zoe", "Ethan", "Iris", "Omar", "Lena", "Kai", "Nora", "Theo"];
const LAST = ["Garcia", "Smith", "Okafor", "Chen", "Novak", "Silva", "Khan", "Larsen", "Moreau", "Tanaka"];
const ADDRESSES = [
  { line1: "410 Pine Street", city: "Seattle", postalCode: "98101", country: "US" },
  { line1: "77 Mass Ave", city: "Boston", postalCode: "02115", country: "US" },
  { line1: "1200 Congress Ave", city: "Austin", postalCode: "78701", country: "US" },
  { line1: "55 W Monroe St", city: "Chicago", postalCode: "60603", country: "US" },
  { line1: "901 Cherry Ave", city: "San Bruno", postalCode: "94066", country: "US" },
  { line1: "290 Bremner Blvd", city: "Toronto", postalCode: "M5V 3L9", country: "CA" },
  { line1: "10 Downing Street", city: "London", postalCode: "SW1A 2AA", country: "GB" },
  { line1: "Unter den Linden 77", city: "Berlin", postalCode: "10117", country: "DE" },
] as const;
const APPROVED_CARDS = ["4242 4242 4242 4242", "5555 5555 5555 4444", "6011 1111 1111 1117"];

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
}

export function randomShopper(persona: string, random: () => number): CheckoutDetails {
  const firstName = pick(FIRST, random);
  const lastName = pick(LAST, random);
  const address = pick(ADDRESSES, random);
  const year = (new Date().getFullYear() % 100) + 2 + Math.floor(random() * 5);
  return {
    email: `bot.${persona}.${randomUUID().slice(0, 8)}@example.com`,
    firstName,
    lastName,
    ...address,
    cardNumber: pick(APPROVED_CARDS, random),
    expiry: `${String(1 + Math.floor(random() * 12)).padStart(2, "0")}/${String(year)}`,
    cvc: String(100 + Math.floor(random() * 900)),
    holderName: `${firstName} ${lastName}`,
  };
}
