// Server components call the storefront API in process (same procedures, same spans), with the
// request's cookies read-only. A busy service's error is marked for the error page on its way out.
import "server-only";
import { cookies } from "next/headers";
import { markBusyForErrorPage } from "./busy.ts";
import { createContextInner } from "./context.ts";
import { storefrontRouter } from "./routers/root.ts";
import { createCallerFactory } from "./trpc.ts";

const createCaller = createCallerFactory(storefrontRouter);

export async function storefrontApi() {
  const jar = await cookies();
  return createCaller(createContextInner({ get: (name) => jar.get(name)?.value }, null), {
    onError: ({ error }) => {
      markBusyForErrorPage(error);
    },
  });
}
