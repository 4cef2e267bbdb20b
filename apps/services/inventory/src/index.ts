// What other packages may import: the router factory, and the router's type for typed clients
// (`createServiceClient<InventoryRouter>`).
export { createInventoryRouter } from "./router.ts";
export type { InventoryRouter, InventoryRouterDeps } from "./router.ts";
export type { CheckoutReservation, ReservedItem } from "./checkout-reservation.ts";
export type { ProductAvailability, ReleaseResult } from "./inventory-service.ts";
export { sweepExpiredReservations } from "./sweep-expired-reservations.ts";
export type { SweepResult } from "./sweep-expired-reservations.ts";
