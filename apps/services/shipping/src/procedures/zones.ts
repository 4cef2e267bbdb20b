// zones: the countries the shop ships to, by zone, for the storefront's country select.
import type { ShippingService } from "../shipping-service.ts";
import { procedure } from "../trpc.ts";

export function zonesProcedure(service: ShippingService) {
  return procedure.query(() => service.zones());
}
