-- The orphan sweep's candidates (apps/services/payment/src/settle-orphan-charges.ts): captured
-- charges no order has claimed, a handful at any time. Before it, the sweep found them through
-- the unique order_id index, reading every declined, failed and refunded charge ever made.
-- Built CONCURRENTLY: a plain CREATE INDEX would hold every checkout's payment writes for as long
-- as it reads the whole payments table. Alone in its migration, as CONCURRENTLY must run outside
-- a transaction.
-- (No semicolons in comments here: the WASM schema engine splits statements at every one.)
CREATE INDEX CONCURRENTLY "payments_unclaimed_captures_idx" ON "payments"("created_at") WHERE (status = 'CAPTURED' AND order_id IS NULL);
