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

/** A flash-sale shopper heading straight for one hot product (only while a scenario asks for it). */
export const HOT_PRODUCT_JOURNEY = "hot_product_purchase";

export type SessionJourney = JourneyName | typeof HOT_PRODUCT_JOURNEY;
