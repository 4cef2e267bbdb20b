// Typed clients of the backend services, one per process. Every call has a timeout; queries are
// retried a bounded number of times (service kit). Server only: these URLs never reach a browser.
import "server-only";
import type { CartRouter } from "@shop/cart-service";
import type { CatalogRouter } from "@shop/catalog-service";
import type { CheckoutRouter } from "@shop/checkout-service";
import type { OrdersRouter } from "@shop/orders-service";
import type { RecommendationsRouter } from "@shop/recommendations-service";
import { createServiceClient } from "@shop/service-kit";
import type { ShippingRouter } from "@shop/shipping-service";
import { webEnv } from "../env.ts";

function createServices() {
  const env = webEnv();
  const timeoutMs = env.SERVICE_TIMEOUT_MS;
  return {
    catalog: createServiceClient<CatalogRouter>({ service: "catalog", url: env.CATALOG_URL, timeoutMs }),
    cart: createServiceClient<CartRouter>({ service: "cart", url: env.CART_URL, timeoutMs }),
    orders: createServiceClient<OrdersRouter>({ service: "orders", url: env.ORDERS_URL, timeoutMs }),
    shipping: createServiceClient<ShippingRouter>({ service: "shipping", url: env.SHIPPING_URL, timeoutMs }),
    recommendations: createServiceClient<RecommendationsRouter>({
      service: "recommendations",
      url: env.RECOMMENDATIONS_URL,
      // Optional on every page that shows them: better no suggestions than a slow page.
      timeoutMs: Math.min(timeoutMs, 800),
      retries: 0,
    }),
    checkout: createServiceClient<CheckoutRouter>({
      service: "checkout",
      url: env.CHECKOUT_URL,
      timeoutMs: env.CHECKOUT_TIMEOUT_MS,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

let services: Services | undefined;

export function backendServices(): Services {
  services ??= createServices();
  return services;
}
