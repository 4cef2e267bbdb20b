export { createRecommendations } from "./recommendations.ts";
export { createRecommendationsRouter } from "./router.ts";
export type { RecommendationsRouter } from "./router.ts";
export type { Recommendation, Reason } from "./model.ts";
