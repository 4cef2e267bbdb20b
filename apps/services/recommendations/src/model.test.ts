import { describe, expect, it } from "vitest";
import { RecommendationModel } from "./model.ts";

// Products 1-3 in category 10, 4-6 in category 20.
const sales = [
  { productId: 1, categoryId: 10, sold: 50 },
  { productId: 2, categoryId: 10, sold: 40 },
  { productId: 3, categoryId: 10, sold: 5 },
  { productId: 4, categoryId: 20, sold: 30 },
  { productId: 5, categoryId: 20, sold: 20 },
  { productId: 6, categoryId: 20, sold: 1 },
];
const pairs = [
  { productId: 1, otherId: 4, orders: 9 },
  { productId: 1, otherId: 5, orders: 3 },
  { productId: 2, otherId: 5, orders: 7 },
  { productId: 3, otherId: 6, orders: 1 },
];
const model = new RecommendationModel(pairs, sales, new Date("2026-11-26T00:00:00Z"));

describe("RecommendationModel", () => {
  it("recommends what was bought together most often, first", () => {
    expect(model.recommend([1], 2)).toEqual([
      { productId: 4, reason: "bought_together", score: 9 },
      { productId: 5, reason: "bought_together", score: 3 },
    ]);
  });

  it("adds up evidence across a basket and never suggests what is already in it", () => {
    expect(model.recommend([1, 2], 3).map((r) => [r.productId, r.score])).toEqual([
      [5, 10],
      [4, 9],
      [3, 5],
    ]);
  });

  it("tops up with the category's bestsellers when history is thin", () => {
    expect(model.recommend([3], 3)).toEqual([
      { productId: 6, reason: "bought_together", score: 1 },
      { productId: 1, reason: "bestseller", score: 50 },
      { productId: 2, reason: "bestseller", score: 40 },
    ]);
  });

  it("knows which products it has seen", () => {
    expect(model.knows(4)).toBe(true);
    expect(model.knows(99)).toBe(false);
  });
});
