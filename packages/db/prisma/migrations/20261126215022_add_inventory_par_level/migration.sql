-- The level a delivery tops a product back up to (see schema.prisma). Existing rows start at
-- their current free stock, so a running shop is never restocked above what it holds now until
-- the next seed sets each product to its catalog level.
-- (No semicolons in comments here: the WASM schema engine splits statements at every one.)
ALTER TABLE "inventory" ADD COLUMN "par_level" INTEGER NOT NULL DEFAULT 0;
UPDATE "inventory" SET "par_level" = "on_hand" - "reserved";
ALTER TABLE "inventory" ALTER COLUMN "par_level" DROP DEFAULT;

-- The schema language cannot express CHECK constraints: like the first migration, they live here.
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_par_level_check" CHECK ("par_level" >= 0);
