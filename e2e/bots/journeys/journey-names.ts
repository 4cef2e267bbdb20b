// The journeys a bot can take (the original plan's, extended), by the names stats and RUM use.
export const JOURNEYS = [
  "browse",
  "add_to_cart_leave",
  "purchase",
  "checkout_abandoned",
  "search_purchase",
  "order_lookup",
] as const;

export type JourneyName = (typeof JOURNEYS)[number];
