"use client";
// The browser's client of the storefront API (same origin). The RUM SDK adds `traceparent` to
// these requests, so each call continues the browser's trace on the server.
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { BUSY_DOMAIN_CODE, BUSY_MESSAGE } from "./busy.ts";
import type { StorefrontRouter } from "../server/routers/root.ts";

export const api = createTRPCClient<StorefrontRouter>({
  links: [httpLink({ url: "/api/trpc", transformer: superjson })],
});

export interface ApiProblem {
  message: string;
  /** Messages by field path ("shippingAddress.postalCode"), for bad input. */
  fields: Record<string, string[]>;
  domainCode: string | undefined;
  /** Worth trying again (the shop was busy or a service was briefly away). */
  retryable: boolean;
}

/** What a failed call means to the shopper. */
export function apiProblem(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as {
      fieldErrors?: Record<string, string[]>;
      domainCode?: string;
      httpStatus?: number;
    };
    const status = data.httpStatus ?? 0;
    const retryable = status === 0 || status >= 500 || status === 429 || data.domainCode === BUSY_DOMAIN_CODE;
    return {
      message: retryable ? BUSY_MESSAGE : error.message || "Something went wrong.",
      fields: data.fieldErrors ?? {},
      domainCode: data.domainCode,
      retryable,
    };
  }
  return {
    message: "We could not reach the shop. Check your connection and try again.",
    fields: {},
    domainCode: undefined,
    retryable: true,
  };
}
