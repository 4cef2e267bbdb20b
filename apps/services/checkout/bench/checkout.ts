// npm run bench (checkout part): add-to-cart and placeOrder at concurrency 10, p50/p95 and
// throughput, with every service its own process (telemetry on, exporting to a discarding
// receiver) on a freshly migrated and fully seeded database of its own.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { CartRouter } from "@shop/cart-service";
import { createDbClient } from "@shop/db";
import { createScratchDatabase, deployMigrations } from "@shop/db/migrate";
import { seedDatabase } from "@shop/db/seed";
import { testEnv } from "@shop/db/testing";
import { formatResult, percentile, runLoad } from "@shop/load";
import { createServiceClient } from "@shop/service-kit";
import type { CheckoutRouter } from "../src/router.ts";
import { startShop } from "../test/shop-processes.ts";

const DURATION_MS = Number(process.argv[2] ?? 5_000);
const CONCURRENCY = 10;
const ORDERS = Number(process.argv[3] ?? 300);

const database = await createScratchDatabase(testEnv().TEST_DATABASE_URL, "shop_bench");
const receiver = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": request.headers["content-type"] ?? "application/x-protobuf" });
    response.end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
let shop: Awaited<ReturnType<typeof startShop>> | undefined;
try {
  await deployMigrations({ connectionString: database.url, engine: "wasm" });
  const db = createDbClient({ connectionString: database.url, poolMax: 2 });
  await seedDatabase(db, { anchorDate: new Date().toISOString().slice(0, 10) });
  const products = await db.product.findMany({ select: { id: true }, take: 40, orderBy: { id: "asc" } });
  // Enough stock that every order of the run can be placed.
  await db.inventory.updateMany({ data: { onHand: 1_000_000 } });
  await db.$disconnect();

  const run = String(process.pid);
  shop = await startShop({
    DATABASE_URL: database.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    CATALOG_CACHE_PREFIX: `catalog-bench-${run}`,
    CART_KEY_PREFIX: `cart-bench-${run}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${String((receiver.address() as AddressInfo).port)}`,
    LOG_LEVEL: "warn",
  });
  const cart = createServiceClient<CartRouter>({ service: "cart", url: shop.urls.cart });
  const checkout = createServiceClient<CheckoutRouter>({
    service: "checkout",
    url: shop.urls.checkout,
    timeoutMs: 30_000,
  });
  const productAt = (i: number) => products[i % products.length]?.id ?? 1;

  console.log(
    `shop services, concurrency ${String(CONCURRENCY)}, payment latency ~120 ms (simulated processor)`,
  );
  const addToCart = (worker: number, i: number) =>
    cart.add
      .mutate({
        cartId: `bench${run}w${String(worker)}i${String(i)}xxxxxx`,
        productId: productAt(worker + i),
        quantity: 1,
      })
      .then(() => true);
  await runLoad({ concurrency: CONCURRENCY, durationMs: 500, request: addToCart });
  console.log(
    formatResult(
      "add to cart",
      await runLoad({ concurrency: CONCURRENCY, durationMs: DURATION_MS, request: addToCart }),
    ),
  );

  // placeOrder: carts prepared first, then ORDERS checkouts 10 at a time; only the checkout is timed.
  const carts = await Promise.all(
    Array.from({ length: ORDERS }, async (_, i) => {
      const cartId = `order${run}c${String(i)}xxxxxxxxxx`;
      await cart.add.mutate({ cartId, productId: productAt(i), quantity: 1 });
      await cart.add.mutate({ cartId, productId: productAt(i + 7), quantity: 2 });
      return cartId;
    }),
  );
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < carts.length; i = next++) {
        const t0 = performance.now();
        const result = await checkout.placeOrder
          .mutate({
            idempotencyKey: `bench-${run}-${String(i)}`,
            cartId: carts[i] ?? "",
            customer: {
              email: `bench${String(i % 50)}@example.com`,
              firstName: "Bench",
              lastName: "Shopper",
            },
            shippingAddress: {
              name: "Bench Shopper",
              line1: "1 Load Street",
              city: "Portland",
              postalCode: "97201",
              country: "US",
            },
            shippingMethod: "STANDARD",
            card: {
              number: "4242424242424242",
              expMonth: 12,
              expYear: 2034,
              cvc: "123",
              holderName: "Bench Shopper",
            },
          })
          .catch(() => undefined);
        latencies.push(performance.now() - t0);
        if (result?.status !== "PLACED") failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    formatResult("placeOrder", {
      requests: latencies.length,
      failures,
      perSecond: latencies.length / elapsed,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
    }),
  );
} finally {
  await Promise.allSettled(Object.values(shop?.services ?? {}).map((service) => service.stop()));
  receiver.close();
  await database.drop();
}
