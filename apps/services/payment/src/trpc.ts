// The service's one tRPC setup (superjson, the shared error formatter, traced procedures): every
// procedure file builds on these.
import { initServiceTRPC } from "@shop/service-kit";

export const { router, procedure, createCallerFactory } = initServiceTRPC("payment");
