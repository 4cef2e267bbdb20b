// Wires the recommendations service, so main.ts and tests build it the same way.
import type { DbClient } from "@shop/db";
import { RecommendationsRepository } from "./recommendations-repository.ts";
import { RecommendationsService } from "./recommendations-service.ts";
import { createRecommendationsRouter } from "./router.ts";

export function createRecommendations(db: DbClient) {
  const repository = new RecommendationsRepository(db);
  const service = new RecommendationsService(repository);
  return { repository, service, router: createRecommendationsRouter(service) };
}
