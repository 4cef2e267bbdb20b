// Whatever a caller sends, a malformed input is answered 400 with a message per field, never a
// 5xx: arbitrary JSON, and near misses of each procedure's input, on the wire as a client sends
// them (superjson's { json } envelope; queries by GET, mutations by POST).
import type { CatalogRouter } from "@shop/catalog-service";
import { createServiceClient } from "@shop/service-kit";
import { callProcedure, itRejectsMalformedInput } from "@shop/service-kit/testing";
import type { MalformedInputCase } from "@shop/service-kit/testing";
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCart } from "../test/cart-server.ts";
import { redisNamespace } from "../test/redis-namespace.ts";
import { testRedisUrl } from "../test/test-env.ts";
import { addInput } from "./procedures/add.ts";
import { checkedOutInput } from "./procedures/checked-out.ts";
import { clearInput } from "./procedures/clear.ts";
import { removeInput } from "./procedures/remove.ts";
import { setQuantityInput } from "./procedures/set-quantity.ts";
import { viewInput } from "./procedures/view.ts";

let redis: Redis;
let namespace: ReturnType<typeof redisNamespace>;
let cart: Awaited<ReturnType<typeof startCart>>;

beforeAll(async () => {
  redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  namespace = redisNamespace(redis, "cart-input");
  // No catalog: a malformed input never gets past validation to call one.
  const catalog = createServiceClient<CatalogRouter>({ service: "catalog", url: "http://127.0.0.1:9" });
  cart = await startCart({ redis, catalog, keyPrefix: namespace.prefix("cart") });
});

afterAll(async () => {
  await cart.stop();
  await namespace.cleanup();
  redis.disconnect();
});

const send = (path: string, kind: "query" | "mutation", input: unknown) =>
  callProcedure(cart.url, path, kind, input);

// Near misses: the right shape with some field wrong, which is where validation bugs live.
const anything = fc.jsonValue({ maxDepth: 3 });
const looseNumber = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(
    0,
    -1,
    100,
    2 ** 31,
    Number.MAX_SAFE_INTEGER + 2,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
);
const looseCartId = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{12,70}$/),
  fc.constantFrom("too-short", "x".repeat(65), "with space-1234567890", "cart:1234567890123456", ""),
  anything,
);
const line = (quantity: fc.Arbitrary<unknown>) =>
  fc.record({ cartId: looseCartId, productId: looseNumber, quantity }, { requiredKeys: [] });
const cartOnly = fc.record({ cartId: looseCartId }, { requiredKeys: [] });

const procedures = [
  { path: "view", kind: "query", schema: viewInput, nearMiss: cartOnly },
  { path: "add", kind: "mutation", schema: addInput, nearMiss: line(looseNumber) },
  { path: "setQuantity", kind: "mutation", schema: setQuantityInput, nearMiss: line(looseNumber) },
  {
    path: "remove",
    kind: "mutation",
    schema: removeInput,
    nearMiss: fc.record({ cartId: looseCartId, productId: looseNumber }, { requiredKeys: [] }),
  },
  { path: "clear", kind: "mutation", schema: clearInput, nearMiss: cartOnly },
  { path: "checkedOut", kind: "mutation", schema: checkedOutInput, nearMiss: cartOnly },
] as const satisfies readonly MalformedInputCase[];

describe("malformed input", () => {
  itRejectsMalformedInput(procedures, send);

  it("names the field at fault", async () => {
    const { error } = await send("setQuantity", "mutation", {
      cartId: "short",
      productId: 2 ** 31,
      quantity: -1,
    });
    expect(Object.keys(error?.data.fieldErrors ?? {}).sort()).toEqual(["cartId", "productId", "quantity"]);
  });
});
