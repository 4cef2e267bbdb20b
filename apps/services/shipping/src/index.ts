// What other packages may import: the router factory, the router's type for typed clients
// (`createServiceClient<ShippingRouter>`), and the rate rules (also at `@shop/shipping-service/rates`).
export { createShippingRouter } from "./router.ts";
export type { ShippingRouter, ShippingRouterDeps } from "./router.ts";
export type {
  Parcel,
  QuoteRequest,
  ShippingOption,
  ShippingQuote,
  ZoneCountries,
} from "./shipping-service.ts";
export * from "./rates.ts";
