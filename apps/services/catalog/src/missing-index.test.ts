// The reconciler restores indexes from its own copy of their definitions: this holds that copy
// equal to the migrations, so a restored index is the index the schema was migrated with.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MISSING_INDEX_TARGETS, createIfMissing } from "./missing-index.ts";

const migrationsDir = path.resolve(import.meta.dirname, "../../../../packages/db/prisma/migrations");

function migratedIndexStatements(): Map<string, string> {
  const statements = new Map<string, string>();
  for (const folder of readdirSync(migrationsDir).sort()) {
    if (folder.endsWith(".toml")) continue;
    const sql = readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8");
    for (const line of sql.split("\n")) {
      const name = /^CREATE (?:UNIQUE )?INDEX "([^"]+)"/.exec(line)?.[1];
      if (name) statements.set(name, line.trim());
      const dropped = /^DROP INDEX "([^"]+)"/.exec(line)?.[1];
      if (dropped) statements.delete(dropped);
    }
  }
  return statements;
}

describe("the indexes db.missing_index drops", () => {
  it("are defined exactly as the migrations create them", () => {
    const migrated = migratedIndexStatements();
    expect(MISSING_INDEX_TARGETS.length).toBeGreaterThan(0);
    for (const index of MISSING_INDEX_TARGETS) expect(index.definition).toBe(migrated.get(index.name));
  });

  it("are restored with the migration's statement made idempotent", () => {
    expect(
      createIfMissing({
        name: "order_items_product_id_idx",
        definition: 'CREATE INDEX "order_items_product_id_idx" ON "order_items"("product_id");',
      }),
    ).toBe('CREATE INDEX IF NOT EXISTS "order_items_product_id_idx" ON "order_items"("product_id");');
    expect(createIfMissing({ name: "u", definition: 'CREATE UNIQUE INDEX "u" ON "t"("c");' })).toBe(
      'CREATE UNIQUE INDEX IF NOT EXISTS "u" ON "t"("c");',
    );
    expect(() => createIfMissing({ name: "x", definition: "DROP TABLE x;" })).toThrow(/not a CREATE INDEX/);
  });
});
