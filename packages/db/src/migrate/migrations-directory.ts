// Reads prisma/migrations the way the Prisma CLI hands it to the schema engine: one folder per
// migration holding migration.sql, plus migration_lock.toml. The engine checksums the SQL text,
// so both engines (native and WASM) agree on what was applied.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";

export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
export const schemaPath = path.join(packageRoot, "prisma", "schema.prisma");
export const migrationsPath = path.join(packageRoot, "prisma", "migrations");
export const LOCKFILE_NAME = "migration_lock.toml";

export async function readMigrationList(baseDir: string = migrationsPath): Promise<MigrationList> {
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder): Promise<MigrationDirectory> => {
      const file = path.join(baseDir, folder, "migration.sql");
      try {
        const content = await readFile(file, "utf8");
        return {
          path: folder,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: content } },
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          path: folder,
          migrationFile: { path: "migration.sql", content: { tag: "error", value: message } },
        };
      }
    }),
  );
  const lockfile = path.join(baseDir, LOCKFILE_NAME);
  return {
    baseDir,
    lockfile: {
      path: LOCKFILE_NAME,
      content: existsSync(lockfile) ? await readFile(lockfile, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export async function readSchemaFile(file: string = schemaPath) {
  return { path: file, content: await readFile(file, "utf8") };
}

/** Where a command finds schema.prisma and the migrations folder (tests point elsewhere). */
export interface MigrationPaths {
  schema: string;
  migrations: string;
}

export const defaultPaths: MigrationPaths = { schema: schemaPath, migrations: migrationsPath };
