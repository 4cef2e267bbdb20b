// The recommendations procedures: validate, call the service.
import { initServiceTRPC } from "@shop/service-kit";
import { z } from "zod";
import type { RecommendationsService } from "./recommendations-service.ts";

const productId = z.number().int().positive().max(2_147_483_647);

export function createRecommendationsRouter(service: RecommendationsService) {
  const t = initServiceTRPC("recommendations");
  return t.router({
    /** "Frequently bought together" for a product page. */
    forProduct: t.procedure
      .input(z.object({ productId, limit: z.number().int().min(1).max(12).default(4) }))
      .query(({ input }) => service.forProducts([input.productId], input.limit)),
    /** Suggestions for a cart: what is bought with its contents. */
    forCart: t.procedure
      .input(
        z.object({
          productIds: z.array(productId).min(1).max(30),
          limit: z.number().int().min(1).max(12).default(4),
        }),
      )
      .query(({ input }) => service.forProducts([...new Set(input.productIds)], input.limit)),
  });
}

export type RecommendationsRouter = ReturnType<typeof createRecommendationsRouter>;
