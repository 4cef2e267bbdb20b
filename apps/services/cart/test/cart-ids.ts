// Cart ids as a storefront mints them: random, and unique to each test.
import { randomUUID } from "node:crypto";

export function newCartId(label = "cart"): string {
  return `${label}-${randomUUID()}`;
}
