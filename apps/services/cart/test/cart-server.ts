// The cart under test, in this process: its router over real HTTP on a free port, a typed client
// as the storefront and checkout will use it, and the key prefix its Redis keys live under.
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceErrorData } from "@shop/service-kit";
import { TRPCClientError } from "@trpc/client";
import type { CartDeps } from "../src/cart-deps.ts";
import { createCartRouter } from "../src/router.ts";
import type { CartRouter } from "../src/router.ts";

export async function startCart(deps: CartDeps) {
  const server = await startServiceServer({
    name: "cart",
    router: createCartRouter(deps),
    port: 0,
    readiness: { redis: () => deps.redis.ping() },
  });
  const client = createServiceClient<CartRouter>({ service: "cart", url: server.url, timeoutMs: 30_000 });
  return { url: server.url, client, stop: () => server.stop() };
}

export type CartClient = Awaited<ReturnType<typeof startCart>>["client"];

/** What a refused call told its caller. */
export function errorData(reason: unknown): ServiceErrorData {
  if (!(reason instanceof TRPCClientError)) throw reason;
  return reason.data as ServiceErrorData;
}

/** The refusal of a call that must fail. */
export async function refusal(call: Promise<unknown>): Promise<ServiceErrorData> {
  try {
    await call;
  } catch (error) {
    return errorData(error);
  }
  throw new Error("expected the call to be refused");
}
