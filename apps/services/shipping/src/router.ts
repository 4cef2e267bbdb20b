// The shipping procedures, built from the dependencies they need: only a clock, which tests fix
// so that delivery estimates are dates they can name.
import { quoteProcedure } from "./procedures/quote.ts";
import { zonesProcedure } from "./procedures/zones.ts";
import { createShippingService } from "./shipping-service.ts";
import { router } from "./trpc.ts";

export interface ShippingRouterDeps {
  now?: () => Date;
}

export function createShippingRouter({ now = () => new Date() }: ShippingRouterDeps = {}) {
  const service = createShippingService({ now });
  return router({
    quote: quoteProcedure(service),
    zones: zonesProcedure(service),
  });
}

export type ShippingRouter = ReturnType<typeof createShippingRouter>;
