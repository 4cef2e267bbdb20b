// Orders a browser may see: the one it just placed, or one found by number and email. Access is
// remembered in the order_access cookie, never in the URL.
import { DomainError } from "@shop/service-kit";
import { z } from "zod";
import { backendServices } from "../services.ts";
import { procedure, router } from "../trpc.ts";

const orderNumber = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^ORD-[0-9A-HJKMNP-TV-Z]{8}$/, { error: "order numbers look like ORD-7K2M9Q4X" }));

export const ordersRouter = router({
  lookup: procedure
    .input(z.object({ number: orderNumber, email: z.email({ error: "enter a valid email address" }) }))
    .mutation(async ({ ctx, input }) => {
      const order = await backendServices().orders.get.query(input);
      ctx.session?.setOrderAccess({ number: order.number, email: order.email });
      return { number: order.number };
    }),

  /** The order this browser has access to, by number; NOT_FOUND for any other. */
  get: procedure.input(z.object({ number: orderNumber })).query(({ ctx, input }) => {
    const access = ctx.orderAccess;
    if (access?.number !== input.number) {
      throw new DomainError("NOT_FOUND", `Order ${input.number} is not available in this browser`);
    }
    return backendServices().orders.get.query(access);
  }),
});
