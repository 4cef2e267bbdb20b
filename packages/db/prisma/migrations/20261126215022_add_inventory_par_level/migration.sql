-- The level a delivery tops a product back up to (see schema.prisma). Rows start at 0, not
-- restocked, until the seed (which every deploy runs right after migrating) sets each product to
-- its catalog level. No backfill here: an UPDATE of every row beside a live shop would lock them
-- out of product id order and could deadlock with a checkout, leaving this migration failed.
-- (No semicolons in comments here: the WASM schema engine splits statements at every one.)
ALTER TABLE "inventory" ADD COLUMN "par_level" INTEGER NOT NULL DEFAULT 0;

-- The schema language cannot express CHECK constraints: like the first migration, they live here.
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_par_level_check" CHECK ("par_level" >= 0);
