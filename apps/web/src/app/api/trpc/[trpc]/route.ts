// The storefront API over HTTP (tRPC fetch adapter), for the browser. A busy service's 503 goes
// to the browser as a 503 with Retry-After; each request counts in the console's live numbers.
import { recordLiveRequest } from "@shop/live-stats";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isBusyError, retryAfterSeconds } from "../../../../server/busy.ts";
import { createRequestContext } from "../../../../server/context.ts";
import { storefrontRouter } from "../../../../server/routers/root.ts";

/** The subject of the storefront's own requests in the live numbers. */
const LIVE_SUBJECT = "storefront";

async function handler(request: Request) {
  const started = performance.now();
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: storefrontRouter,
    createContext: ({ req, resHeaders }) => createRequestContext(req, resHeaders),
    responseMeta: ({ errors }) => {
      const busy = errors.find(isBusyError);
      return busy ? { headers: { "retry-after": String(retryAfterSeconds(busy)) } } : {};
    },
  });
  recordLiveRequest(LIVE_SUBJECT, performance.now() - started, response.status >= 500);
  return response;
}

export { handler as GET, handler as POST };
