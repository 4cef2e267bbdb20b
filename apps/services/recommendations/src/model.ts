// The recommendation model: for each product, the products most often bought with it, and for
// each category its bestsellers. Built from order history, held in memory, swapped whole on
// refresh so a request never sees half a model.

export type Reason = "bought_together" | "bestseller";

export interface Recommendation {
  productId: number;
  reason: Reason;
  /** Orders both appeared in (bought_together), or units sold (bestseller), over 90 days. */
  score: number;
}

export interface PairCount {
  productId: number;
  otherId: number;
  orders: number;
}

export interface ProductSales {
  productId: number;
  categoryId: number;
  sold: number;
}

const PER_PRODUCT = 12;

export class RecommendationModel {
  readonly builtAt: Date;
  readonly #together: Map<number, Recommendation[]>;
  readonly #bestsellers: Map<number, Recommendation[]>;
  readonly #categoryOf: Map<number, number>;

  constructor(pairs: PairCount[], sales: ProductSales[], builtAt: Date) {
    this.builtAt = builtAt;
    this.#categoryOf = new Map(sales.map((row) => [row.productId, row.categoryId]));
    const sold = new Map(sales.map((row) => [row.productId, row.sold]));
    const together = new Map<number, Recommendation[]>();
    for (const pair of pairs) {
      const list = together.get(pair.productId) ?? [];
      list.push({ productId: pair.otherId, reason: "bought_together", score: pair.orders });
      together.set(pair.productId, list);
    }
    // Most often together first; between equals, the better seller.
    for (const [productId, list] of together) {
      list.sort(
        (a, b) =>
          b.score - a.score ||
          (sold.get(b.productId) ?? 0) - (sold.get(a.productId) ?? 0) ||
          a.productId - b.productId,
      );
      together.set(productId, list.slice(0, PER_PRODUCT));
    }
    this.#together = together;
    const bestsellers = new Map<number, Recommendation[]>();
    for (const row of [...sales].sort((a, b) => b.sold - a.sold || a.productId - b.productId)) {
      const list = bestsellers.get(row.categoryId) ?? [];
      if (list.length < PER_PRODUCT)
        list.push({ productId: row.productId, reason: "bestseller", score: row.sold });
      bestsellers.set(row.categoryId, list);
    }
    this.#bestsellers = bestsellers;
  }

  /**
   * What to show beside a basket of products: what was bought with them, most common first,
   * topped up with bestsellers of their categories when history is thin. Never a product already
   * in the basket, never the same product twice.
   */
  recommend(productIds: number[], limit: number): Recommendation[] {
    const inBasket = new Set(productIds);
    const scores = new Map<number, Recommendation>();
    for (const id of productIds) {
      for (const candidate of this.#together.get(id) ?? []) {
        if (inBasket.has(candidate.productId)) continue;
        const seen = scores.get(candidate.productId);
        scores.set(candidate.productId, { ...candidate, score: (seen?.score ?? 0) + candidate.score });
      }
    }
    const result = [...scores.values()]
      .sort((a, b) => b.score - a.score || a.productId - b.productId)
      .slice(0, limit);
    for (const id of productIds) {
      const category = this.#categoryOf.get(id);
      for (const candidate of category === undefined ? [] : (this.#bestsellers.get(category) ?? [])) {
        if (result.length >= limit) return result;
        if (inBasket.has(candidate.productId) || result.some((r) => r.productId === candidate.productId))
          continue;
        result.push(candidate);
      }
    }
    return result;
  }

  knows(productId: number): boolean {
    return this.#categoryOf.has(productId);
  }
}
