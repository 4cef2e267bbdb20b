// What a shopper reads when a charge does not go through: what happened and what to try, never
// the processor's internals. The checkout page shows `message` as it is.
import type { DeclineReason } from "@shop/db";

export const DECLINE_MESSAGES: Record<DeclineReason, string> = {
  INSUFFICIENT_FUNDS: "Your card was declined: insufficient funds.",
  CARD_STOLEN: "Your card was declined. Please contact your card issuer or use another card.",
  EXPIRED_CARD: "Your card was declined: it has expired.",
  INCORRECT_CVC: "Your card was declined: the security code is incorrect.",
  PROCESSING_ERROR: "We could not process your card. Please try again in a moment.",
};
