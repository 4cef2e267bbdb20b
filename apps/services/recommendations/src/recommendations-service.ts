// Serves recommendations from the current model and rebuilds it from order history in the
// background. The first request waits for the first build; later ones never wait for a rebuild.
import { DomainError } from "@shop/service-kit";
import { logger } from "@shop/telemetry";
import { RecommendationModel } from "./model.ts";
import type { Recommendation } from "./model.ts";
import type { RecommendationsRepository } from "./recommendations-repository.ts";

export class RecommendationsService {
  readonly #repository: RecommendationsRepository;
  #model: Promise<RecommendationModel> | undefined;

  constructor(repository: RecommendationsRepository) {
    this.#repository = repository;
  }

  async #build(): Promise<RecommendationModel> {
    const started = performance.now();
    const [pairs, sales] = await Promise.all([this.#repository.pairs(), this.#repository.sales()]);
    const model = new RecommendationModel(pairs, sales, new Date());
    logger.info(
      { pairs: pairs.length, products: sales.length, duration_ms: Math.round(performance.now() - started) },
      "recommendation model built",
    );
    return model;
  }

  #current(): Promise<RecommendationModel> {
    this.#model ??= this.#build().catch((error: unknown) => {
      this.#model = undefined;
      throw error;
    });
    return this.#model;
  }

  /** Rebuilds and swaps the model; a failed rebuild keeps the previous one. */
  async refresh(): Promise<void> {
    const model = await this.#build();
    this.#model = Promise.resolve(model);
  }

  async forProducts(
    productIds: number[],
    limit: number,
  ): Promise<{ items: Recommendation[]; builtAt: Date }> {
    const model = await this.#current();
    const unknown = productIds.filter((id) => !model.knows(id));
    if (unknown.length === productIds.length) {
      throw new DomainError("NOT_FOUND", `No product ${unknown.join(", ")}`, {
        details: { productIds: unknown },
      });
    }
    return { items: model.recommend(productIds, limit), builtAt: model.builtAt };
  }
}
