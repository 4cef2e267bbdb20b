// The payment's rules: when a charge reaches the processor (once per idempotency key), what a
// retry may ask, and which answers are business outcomes (a declined card) that telemetry records
// as such instead of as failures. SQL lives in the repository, the card checks in the schemas.
import type { CardBrand } from "@shop/db";
import { DomainError } from "@shop/service-kit";
import { ATTR, businessMetrics, logger, recordOutcome } from "@shop/telemetry";
import { lastFour } from "./card-number.ts";
import { ProcessorUnavailableError } from "./card-processor.ts";
import type { Authorization, CardProcessor } from "./card-processor.ts";
import { toChargeResult, toPayment } from "./payment.ts";
import type { ChargeResult, Payment, PaymentRow } from "./payment.ts";
import type { ChargeAttempt, ChargeOutcome, PaymentRepository } from "./payment-repository.ts";

export interface ChargeRequest {
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  /** Checked by the charge schema: a valid number of an accepted brand, unexpired. */
  card: { number: string; brand: CardBrand; expMonth: number; expYear: number; cvc: string };
}

export interface PaymentServiceDeps {
  repository: PaymentRepository;
  processor: CardProcessor;
}

function toOutcome(authorization: Authorization): ChargeOutcome {
  return authorization.outcome === "APPROVED"
    ? { status: "CAPTURED", processorRef: authorization.processorRef }
    : { status: authorization.outcome, declineReason: authorization.reason };
}

/** The fields a retry must repeat exactly: the key names one charge of one amount to one card. */
function differences(attempt: ChargeAttempt, row: PaymentRow): string[] {
  const fields: string[] = [];
  if (row.amountMinor !== attempt.amountMinor) fields.push("amountMinor");
  if (row.currency !== attempt.currency) fields.push("currency");
  if (row.cardBrand !== attempt.cardBrand || row.cardLast4 !== attempt.cardLast4) fields.push("card");
  return fields;
}

/** Marks the request's span when the shopper is told no: a business outcome, never an error. */
function recordRefusal(result: ChargeResult) {
  if (result.status === "CAPTURED") return;
  recordOutcome(result.status === "DECLINED" ? "card_declined" : "payment_failed", {
    [ATTR.DECLINE_REASON]: result.reason,
  });
}

export function createPaymentService({ repository, processor }: PaymentServiceDeps) {
  function notFound(idempotencyKey: string) {
    return new DomainError("NOT_FOUND", `No payment with idempotency key ${idempotencyKey}`, {
      details: { idempotencyKey },
    });
  }

  function conflict(payment: PaymentRow, message: string) {
    return new DomainError("CONFLICT", message, {
      details: { idempotencyKey: payment.idempotencyKey, status: payment.status },
    });
  }

  /** A retried charge answers with what the first call did, and never reaches the processor. */
  function replay(attempt: ChargeAttempt, row: PaymentRow): ChargeResult {
    const mismatched = differences(attempt, row);
    if (mismatched.length > 0) {
      throw new DomainError(
        "CONFLICT",
        `Idempotency key ${attempt.idempotencyKey} was used for a charge with a different ${mismatched.join(" and ")}`,
        { details: { idempotencyKey: attempt.idempotencyKey, mismatched } },
      );
    }
    const result = toChargeResult(row);
    // Refunded: answering CAPTURED would tell a retrying checkout that it has been paid.
    if (!result) throw conflict(row, `Payment ${attempt.idempotencyKey} was refunded; charge with a new key`);
    recordRefusal(result);
    return result;
  }

  function report(result: ChargeResult, attempt: ChargeAttempt) {
    const fields = {
      idempotencyKey: attempt.idempotencyKey,
      paymentId: result.paymentId,
      brand: result.brand,
    };
    if (result.status === "CAPTURED") {
      logger.info(
        { ...fields, amountMinor: attempt.amountMinor, currency: attempt.currency },
        "payment captured",
      );
      return;
    }
    recordRefusal(result);
    businessMetrics.paymentDeclined(result.reason);
    const log = { ...fields, [ATTR.DECLINE_REASON]: result.reason };
    // A decline is the shop working as intended; a processor failure is worth a look.
    if (result.status === "DECLINED") logger.info(log, `card declined: ${result.reason}`);
    else logger.warn(log, `card processor failed: ${result.reason}`);
  }

  return {
    async charge({ idempotencyKey, amountMinor, currency, card }: ChargeRequest): Promise<ChargeResult> {
      const attempt: ChargeAttempt = {
        idempotencyKey,
        amountMinor,
        currency,
        cardBrand: card.brand,
        cardLast4: lastFour(card.number),
      };
      const claim = await repository
        .claimAndCharge(attempt, async () =>
          toOutcome(await processor.authorize({ idempotencyKey, amountMinor, currency, card })),
        )
        .catch((error: unknown) => {
          // The claim rolled back with the charge: no payment row, so the same key may try again.
          if (!(error instanceof ProcessorUnavailableError)) throw error;
          throw new DomainError(
            "DEPENDENCY_UNAVAILABLE",
            "The card processor is unavailable; nothing was charged. Please try again in a moment.",
            { cause: error, details: { idempotencyKey } },
          );
        });
      if (claim.kind === "existing") {
        // A captured charge no order has claimed yet: the retrying checkout will create the order
        // next, so the charge must not look abandoned to the orphan sweep meanwhile.
        const row =
          claim.row.status === "CAPTURED" && claim.row.orderId === null
            ? ((await repository.touchUnlinkedCapture(idempotencyKey)) ??
              (await repository.findPayment(idempotencyKey)) ??
              claim.row)
            : claim.row;
        return replay(attempt, row);
      }
      const result = toChargeResult(claim.row);
      if (!result) throw new Error(`payment ${claim.row.id} was refunded while it was being charged`);
      report(result, attempt);
      return result;
    },

    async get(idempotencyKey: string): Promise<Payment> {
      const row = await repository.findPayment(idempotencyKey);
      if (!row) throw notFound(idempotencyKey);
      return toPayment(row);
    },

    /** Gives a captured charge back (checkout's compensation); refunding twice refunds once. */
    async refund(idempotencyKey: string): Promise<Payment> {
      const { changed, row } = await repository.refund(idempotencyKey);
      if (!row) throw notFound(idempotencyKey);
      if (row.status !== "REFUNDED") {
        throw conflict(row, `Payment ${idempotencyKey} is ${row.status.toLowerCase()}: nothing to refund`);
      }
      if (changed) {
        logger.info(
          { idempotencyKey, paymentId: row.id, amountMinor: row.amountMinor, currency: row.currency },
          "payment refunded",
        );
      }
      return toPayment(row);
    },

    /** Records the order a captured payment paid for: once, and only that order. */
    async linkOrder(idempotencyKey: string, orderId: number): Promise<Payment> {
      const result = await repository.linkOrder(idempotencyKey, orderId);
      switch (result.kind) {
        case "linked":
          return toPayment(result.row);
        case "unknown-order":
          throw new DomainError("NOT_FOUND", `No order ${String(orderId)}`, { details: { orderId } });
        case "order-taken":
          throw new DomainError("CONFLICT", `Order ${String(orderId)} was paid by another payment`, {
            details: { idempotencyKey, orderId },
          });
        case "unchanged": {
          const { row } = result;
          if (!row) throw notFound(idempotencyKey);
          // Linking the same order again changes nothing, whatever happened to the payment since.
          if (row.orderId === orderId) return toPayment(row);
          if (row.orderId !== null) {
            throw conflict(row, `Payment ${idempotencyKey} already paid for order ${String(row.orderId)}`);
          }
          throw conflict(
            row,
            `Payment ${idempotencyKey} is ${row.status.toLowerCase()}: it paid for nothing`,
          );
        }
      }
    },
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
