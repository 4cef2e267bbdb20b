// The storefront API's tRPC setup, shared with the backend's conventions: superjson, the shared
// error formatter (field messages on BAD_REQUEST, internals hidden on 5xx), one span per procedure
// (rpc.service "storefront"), and downstream failures relayed with their domain codes.
import { formatServiceError, relayedDownstreamError } from "@shop/service-kit";
import { tracedProcedure } from "@shop/telemetry";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { StorefrontContext } from "./context.ts";

const t = initTRPC.context<StorefrontContext>().create({
  transformer: superjson,
  errorFormatter: formatServiceError,
});

const relayDownstream = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const relayed = relayedDownstreamError(result.error);
  return relayed ? { ...result, error: relayed } : result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const procedure = t.procedure.use(tracedProcedure("storefront")).use(relayDownstream);
