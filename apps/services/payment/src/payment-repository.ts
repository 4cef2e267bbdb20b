// The payments table. One row per charge attempt, keyed by the caller's idempotency key; the
// migration's CHECK constraints (a reason only on DECLINED/FAILED, an order only on a
// CAPTURED/REFUNDED payment, four digits of card) are the last net under every statement here.
import { randomUUID } from "node:crypto";
import { Prisma } from "@shop/db";
import type { CardBrand, DbClient, DeclineReason } from "@shop/db";
import type { PaymentRow } from "./payment.ts";

export interface ChargeAttempt {
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  cardBrand: CardBrand;
  cardLast4: string;
}

export type ChargeOutcome =
  | { status: "CAPTURED"; processorRef: string }
  | { status: "DECLINED" | "FAILED"; declineReason: DeclineReason };

export type ClaimResult =
  /** This call charged: the processor answered and the row holds its answer. */
  | { kind: "charged"; row: PaymentRow }
  /** The key was taken by an earlier (or concurrent, now finished) call: nothing was changed. */
  | { kind: "existing"; row: PaymentRow };

export type LinkResult =
  | { kind: "linked"; row: PaymentRow }
  /** Nothing changed: the payment is missing, not CAPTURED, or already names an order. */
  | { kind: "unchanged"; row: PaymentRow | null }
  | { kind: "unknown-order" }
  | { kind: "order-taken" };

const paymentColumns = {
  id: true,
  idempotencyKey: true,
  status: true,
  amountMinor: true,
  currency: true,
  cardBrand: true,
  cardLast4: true,
  declineReason: true,
  processorRef: true,
  orderId: true,
  createdAt: true,
} as const;

const returningPayment = Prisma.sql`
  id::text as id, idempotency_key as "idempotencyKey", status::text as status,
  amount_minor as "amountMinor", currency, card_brand::text as "cardBrand", card_last4 as "cardLast4",
  decline_reason::text as "declineReason", processor_ref as "processorRef", order_id as "orderId",
  created_at as "createdAt"`;

export function createPaymentRepository(
  db: DbClient,
  {
    chargeTimeoutMs,
  }: {
    /** The longest a charge's transaction may stay open: the processor's slowest answer and then some. */
    chargeTimeoutMs: number;
  },
) {
  function findPayment(idempotencyKey: string): Promise<PaymentRow | null> {
    return db.payment.findUnique({ where: { idempotencyKey }, select: paymentColumns });
  }

  return {
    findPayment,

    /**
     * Charges at most once per idempotency key. The attempt claims its key first (an insert that
     * does nothing on conflict) and asks the processor only once it holds the claim, all in one
     * transaction: a concurrent call with the same key waits on the unique index until this one
     * commits, then finds the key taken and reads the answer. Should the processor throw, the
     * claim rolls back with everything else and a retry charges afresh.
     *
     * The price is a pooled connection held while the processor answers. A PENDING status would
     * let the claim commit first and free it, at the cost of in-flight rows other readers see.
     */
    async claimAndCharge(
      attempt: ChargeAttempt,
      authorize: () => Promise<ChargeOutcome>,
    ): Promise<ClaimResult> {
      const claimed = await db.$transaction(
        async (tx) => {
          // The claim's status is what the attempt would be if the processor never answered; no
          // other transaction can see it, and the update below replaces it before the commit.
          const inserted = await tx.$queryRaw<{ id: string }[]>`
            insert into payments (id, idempotency_key, status, amount_minor, currency, card_brand,
                                  card_last4, decline_reason, updated_at)
            values (${randomUUID()}::uuid, ${attempt.idempotencyKey}, 'FAILED', ${attempt.amountMinor},
                    ${attempt.currency}, ${attempt.cardBrand}::card_brand, ${attempt.cardLast4},
                    'PROCESSING_ERROR', now())
            on conflict (idempotency_key) do nothing
            returning id::text as id`;
          const claim = inserted[0];
          if (!claim) return undefined;

          const outcome = await authorize();
          const processorRef = outcome.status === "CAPTURED" ? outcome.processorRef : null;
          const declineReason = outcome.status === "CAPTURED" ? null : outcome.declineReason;
          const rows = await tx.$queryRaw<PaymentRow[]>`
            update payments
               set status = ${outcome.status}::payment_status,
                   decline_reason = ${declineReason}::decline_reason,
                   processor_ref = ${processorRef},
                   updated_at = now()
             where id = ${claim.id}::uuid
            returning ${returningPayment}`;
          const row = rows[0];
          if (!row) throw new Error(`the claimed payment ${claim.id} vanished inside its transaction`);
          return row;
        },
        {
          isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
          // A burst of charges queues for the pool; the processor's answer is inside `timeout`.
          maxWait: 10_000,
          timeout: chargeTimeoutMs,
        },
      );
      if (claimed) return { kind: "charged", row: claimed };
      // Read after our transaction: the row that took the key belongs to a committed one.
      const existing = await findPayment(attempt.idempotencyKey);
      if (!existing) throw new Error(`payment ${attempt.idempotencyKey} conflicted but cannot be read`);
      return { kind: "existing", row: existing };
    },

    /**
     * A retried checkout is about to use this captured charge for its order: the charge counts as
     * fresh again, so the orphan sweep (settle-orphan-charges.ts, which goes by updated_at) cannot
     * refund it in the moment between this answer and the order. Null when the payment is no
     * longer a captured charge without an order (the sweep got there first, or it is linked).
     */
    async touchUnlinkedCapture(idempotencyKey: string): Promise<PaymentRow | null> {
      const rows = await db.$queryRaw<PaymentRow[]>`
        update payments set updated_at = now()
         where idempotency_key = ${idempotencyKey} and status = 'CAPTURED' and order_id is null
        returning ${returningPayment}`;
      return rows[0] ?? null;
    },

    /** CAPTURED -> REFUNDED in one statement; `changed` says whether this call did it. */
    async refund(idempotencyKey: string): Promise<{ changed: boolean; row: PaymentRow | null }> {
      const rows = await db.$queryRaw<PaymentRow[]>`
        update payments set status = 'REFUNDED', updated_at = now()
         where idempotency_key = ${idempotencyKey} and status = 'CAPTURED'
        returning ${returningPayment}`;
      const row = rows[0];
      if (row) return { changed: true, row };
      return { changed: false, row: await findPayment(idempotencyKey) };
    },

    /**
     * Names the order a CAPTURED payment without one paid for; changes nothing otherwise. Every
     * link locks the order's row first, so two payments racing for one order queue, and the second
     * finds it taken instead of tripping over the unique index.
     */
    async linkOrder(idempotencyKey: string, orderId: number): Promise<LinkResult> {
      const result = await db.$transaction(
        async (tx): Promise<LinkResult> => {
          const order = await tx.$queryRaw<{ id: number }[]>`
            select id from orders where id = ${orderId} for update`;
          if (order.length === 0) return { kind: "unknown-order" };
          // A statement of its own, after the lock: in READ COMMITTED each statement reads the
          // latest commits, so this sees a link made by whoever held the lock before us.
          const payer = await tx.payment.findUnique({ where: { orderId }, select: { idempotencyKey: true } });
          if (payer && payer.idempotencyKey !== idempotencyKey) return { kind: "order-taken" };
          const rows = await tx.$queryRaw<PaymentRow[]>`
            update payments set order_id = ${orderId}, updated_at = now()
             where idempotency_key = ${idempotencyKey} and status = 'CAPTURED' and order_id is null
            returning ${returningPayment}`;
          const row = rows[0];
          return row ? { kind: "linked", row } : { kind: "unchanged", row: null };
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 10_000, timeout: 10_000 },
      );
      if (result.kind !== "unchanged") return result;
      return { kind: "unchanged", row: await findPayment(idempotencyKey) };
    },
  };
}

export type PaymentRepository = ReturnType<typeof createPaymentRepository>;
