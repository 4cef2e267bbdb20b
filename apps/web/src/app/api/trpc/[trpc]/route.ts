// The storefront API over HTTP (tRPC fetch adapter), for the browser.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "../../../../server/context.ts";
import { storefrontRouter } from "../../../../server/routers/root.ts";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: storefrontRouter,
    createContext: ({ req, resHeaders }) => createRequestContext(req, resHeaders),
  });
}

export { handler as GET, handler as POST };
