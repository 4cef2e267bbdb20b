// A payment attempt as callers see it, and the charge's answer. Only the brand and the last four
// digits describe the card: the columns, these types and every log line share that limit.
import type { CardBrand, DeclineReason, PaymentStatus } from "@shop/db";
import { DECLINE_MESSAGES } from "./decline-messages.ts";

/** One row of `payments`, as the repository reads it. */
export interface PaymentRow {
  id: string;
  idempotencyKey: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  cardBrand: CardBrand;
  cardLast4: string;
  declineReason: DeclineReason | null;
  processorRef: string | null;
  orderId: number | null;
  createdAt: Date;
}

/** The stored attempt (`get`, `refund`, `linkOrder`). */
export interface Payment {
  paymentId: string;
  idempotencyKey: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  brand: CardBrand;
  last4: string;
  reason: DeclineReason | null;
  processorRef: string | null;
  orderId: number | null;
  createdAt: Date;
}

/** What `charge` answers: a decline is a result to show the shopper, not an error. */
export type ChargeResult =
  | {
      status: "CAPTURED";
      paymentId: string;
      brand: CardBrand;
      last4: string;
      processorRef: string;
      amountMinor: number;
      currency: string;
    }
  | {
      status: "DECLINED" | "FAILED";
      paymentId: string;
      brand: CardBrand;
      last4: string;
      reason: DeclineReason;
      /** For the shopper, as it is. */
      message: string;
    };

export function toPayment(row: PaymentRow): Payment {
  return {
    paymentId: row.id,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    amountMinor: row.amountMinor,
    currency: row.currency,
    brand: row.cardBrand,
    last4: row.cardLast4,
    reason: row.declineReason,
    processorRef: row.processorRef,
    orderId: row.orderId,
    createdAt: row.createdAt,
  };
}

/**
 * The charge's answer for a stored attempt, or undefined once it is no longer one (refunded). The
 * CHECK constraints guarantee the pairs read here: a reason exactly on DECLINED and FAILED rows.
 */
export function toChargeResult(row: PaymentRow): ChargeResult | undefined {
  const card = { paymentId: row.id, brand: row.cardBrand, last4: row.cardLast4 };
  switch (row.status) {
    case "CAPTURED":
      if (row.processorRef === null) throw new Error(`captured payment ${row.id} has no processor reference`);
      return {
        status: "CAPTURED",
        ...card,
        processorRef: row.processorRef,
        amountMinor: row.amountMinor,
        currency: row.currency,
      };
    case "DECLINED":
    case "FAILED": {
      const reason = row.declineReason ?? "PROCESSING_ERROR";
      return { status: row.status, ...card, reason, message: DECLINE_MESSAGES[reason] };
    }
    case "REFUNDED":
      return undefined;
  }
}
