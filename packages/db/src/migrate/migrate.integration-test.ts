// The migration tooling against a real PostgreSQL: fresh databases of its own, the WASM path
// (what this machine has), and the history format the Prisma CLI reads.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../testing/test-env.ts";
import { appliedMigrationNames, deployMigrations, MigrationError, resolveEngine } from "./deploy.ts";
import { defaultPaths, packageRoot } from "./migrations-directory.ts";
import { findNativeSchemaEngine } from "./native-schema-engine.ts";
import { createMigration } from "./new-migration.ts";
import { createScratchDatabase } from "./scratch-database.ts";
import type { ScratchDatabase } from "./scratch-database.ts";
import { migrationStatus } from "./status.ts";

const server = testEnv().TEST_DATABASE_URL;
const nativeInstalled = findNativeSchemaEngine(undefined) !== undefined;
const committed = async () =>
  (await readdir(defaultPaths.migrations, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("db:migrate on a fresh database", () => {
  let database: ScratchDatabase;
  beforeAll(async () => {
    database = await createScratchDatabase(server, "shop_migrate_test");
  });
  afterAll(async () => {
    await database.drop();
  });

  it("applies every committed migration, with the native engine where installed, else WASM", async () => {
    const result = await deployMigrations({ connectionString: database.url });
    expect(result.engine).toBe(nativeInstalled ? "native" : "wasm");
    expect(result.applied).toEqual(await committed());
    const tables = await query<{ tablename: string }>(
      database.url,
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual([
      "_prisma_migrations",
      "categories",
      "customers",
      "inventory",
      "order_items",
      "orders",
      "payments",
      "products",
      "shipments",
      "stock_reservations",
    ]);
  });

  it("records history exactly as prisma migrate deploy does (checksum = sha256 of migration.sql)", async () => {
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished: boolean;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(
      database.url,
      `select migration_name, checksum, finished_at is not null as finished, rolled_back_at,
              applied_steps_count, logs from _prisma_migrations order by started_at`,
    );
    for (const row of rows) {
      const sql = await readFile(path.join(defaultPaths.migrations, row.migration_name, "migration.sql"));
      expect(row).toEqual({
        migration_name: row.migration_name,
        checksum: createHash("sha256").update(sql).digest("hex"),
        finished: true,
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      });
    }
    expect(rows).toHaveLength((await committed()).length);
  });

  it("migrating again is a no-op, and status reports the database up to date", async () => {
    const before = await query(database.url, "select * from _prisma_migrations order by id");
    const again = await deployMigrations({ connectionString: database.url });
    expect(again.applied).toEqual([]);
    expect(await query(database.url, "select * from _prisma_migrations order by id")).toEqual(before);
    expect(await appliedMigrationNames(database.url)).toEqual(await committed());
    expect((await migrationStatus(database.url)).upToDate).toBe(true);
  });

  it("creates the CHECK constraints the schema language cannot express", async () => {
    const checks = await query<{ conname: string }>(
      database.url,
      "select conname from pg_constraint where contype = 'c' order by conname",
    );
    expect(checks.map((c) => c.conname)).toEqual(
      expect.arrayContaining([
        "inventory_on_hand_check",
        "inventory_par_level_check",
        "inventory_reserved_check",
        "inventory_reserved_within_on_hand_check",
        "orders_total_check",
        "order_items_line_total_check",
        "payments_card_last4_check",
      ]),
    );
  });
});

describe("db:migration:new (air-gapped: WASM engine and a shadow database)", () => {
  let workdir: string;
  beforeAll(async () => {
    workdir = await mkdtemp(path.join(tmpdir(), "shop-migrations-"));
    await cp(defaultPaths.migrations, path.join(workdir, "migrations"), { recursive: true });
    await cp(defaultPaths.schema, path.join(workdir, "schema.prisma"));
  });
  afterAll(async () => {
    await rm(workdir, { recursive: true, force: true });
  });

  it("finds no difference between schema.prisma and the committed migrations (no drift)", async () => {
    const folder = await createMigration({ serverUrl: server, name: "drift_check", paths: defaultPaths });
    expect(folder).toBeUndefined();
  });

  it("writes the SQL for a schema change, and that migration then applies", async () => {
    const paths = {
      schema: path.join(workdir, "schema.prisma"),
      migrations: path.join(workdir, "migrations"),
    };
    const schema = await readFile(paths.schema, "utf8");
    await writeFile(
      paths.schema,
      `${schema}\nmodel Wishlist {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n\n  @@map("wishlists")\n}\n`,
    );
    const folder = await createMigration({
      serverUrl: server,
      name: "add wishlists",
      now: new Date("2099-01-02T03:04:05Z"),
      paths,
    });
    expect(folder && path.basename(folder)).toBe("20990102030405_add_wishlists");
    const sql = await readFile(path.join(folder ?? "", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "wishlists"');
    expect(sql).not.toContain("DROP");

    const database = await createScratchDatabase(server, "shop_migrate_test");
    try {
      const result = await deployMigrations({ connectionString: database.url, engine: "wasm", paths });
      expect(result.applied).toEqual([...(await committed()), "20990102030405_add_wishlists"]);
    } finally {
      await database.drop();
    }
  });
});

describe.skipIf(nativeInstalled)("without the native schema engine", () => {
  it("refuses DB_MIGRATE_ENGINE=native with a sentence saying what to do", () => {
    expect(() => resolveEngine("native", undefined)).toThrow(MigrationError);
    expect(() => resolveEngine("native", undefined)).toThrow(/DB_MIGRATE_ENGINE=wasm/);
  });

  it("still runs Prisma CLI commands that need no engine, and engine commands fail clearly", () => {
    const node = process.execPath;
    const validate = spawnSync(node, ["scripts/prisma.ts", "validate"], {
      cwd: packageRoot,
      encoding: "utf8",
    });
    expect(validate.stdout + validate.stderr).toContain("is valid");
    expect(validate.status).toBe(0);
    const status = spawnSync(node, ["scripts/prisma.ts", "migrate", "status"], {
      cwd: packageRoot,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: server },
    });
    expect(status.status).not.toBe(0);
    expect(status.stdout + status.stderr).toContain("schema engine is not installed here");
  });
});
