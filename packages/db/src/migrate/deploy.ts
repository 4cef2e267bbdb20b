// `npm run db:migrate`: apply every committed migration that the database has not seen.
// Native engine present -> `prisma migrate deploy` itself. Absent (air-gapped install) -> the same
// schema engine compiled to WASM. Either way the history lands in `_prisma_migrations`.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import pg from "pg";
import { findNativeSchemaEngine } from "./native-schema-engine.ts";
import { defaultPaths, packageRoot, readMigrationList, readSchemaFile } from "./migrations-directory.ts";
import type { MigrationPaths } from "./migrations-directory.ts";
import { openWasmSchemaEngine } from "./wasm-schema-engine.ts";

export type EngineChoice = "auto" | "native" | "wasm";

export interface DeployResult {
  engine: "native" | "wasm";
  applied: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

const emptyFilters = { externalTables: [], externalEnums: [] };

export function resolveEngine(choice: EngineChoice, binaryOverride: string | undefined) {
  const native = findNativeSchemaEngine(binaryOverride);
  if (choice === "native" && !native) {
    throw new MigrationError(
      "DB_MIGRATE_ENGINE=native but Prisma's schema engine is not installed (it downloads from " +
        "binaries.prisma.sh at npm install). Use DB_MIGRATE_ENGINE=wasm or auto on air-gapped machines.",
    );
  }
  if (choice === "wasm" || !native) return { kind: "wasm" as const };
  return { kind: "native" as const, binary: native };
}

export async function deployMigrations(options: {
  connectionString: string;
  engine?: EngineChoice;
  binaryOverride?: string | undefined;
  paths?: MigrationPaths;
  log?: (message: string) => void;
}): Promise<DeployResult> {
  const log = options.log ?? (() => undefined);
  const paths = options.paths ?? defaultPaths;
  const resolved = resolveEngine(options.engine ?? "auto", options.binaryOverride);
  if (resolved.kind === "native") {
    log(`applying migrations with prisma migrate deploy (native engine ${resolved.binary})`);
    const before = await appliedMigrationNames(options.connectionString);
    await runPrismaCli(
      ["migrate", "deploy", ...(options.paths ? ["--schema", paths.schema] : [])],
      options.connectionString,
      resolved.binary,
    );
    const after = await appliedMigrationNames(options.connectionString);
    return { engine: "native", applied: after.filter((name) => !before.includes(name)) };
  }

  log("native schema engine not installed: applying migrations with @prisma/schema-engine-wasm");
  const { engine, close } = await openWasmSchemaEngine({
    connectionString: options.connectionString,
    schemaFiles: [await readSchemaFile(paths.schema)],
  });
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationList(paths.migrations),
      filters: emptyFilters,
    });
    return { engine: "wasm", applied: appliedMigrationNames };
  } catch (error) {
    throw new MigrationError(errorMessage(error));
  } finally {
    await close();
  }
}

/** Names of finished, not rolled back migrations, oldest first; [] on a database never migrated. */
export async function appliedMigrationNames(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const exists = await client.query<{ present: boolean }>(
      "select to_regclass('_prisma_migrations') is not null as present",
    );
    if (!exists.rows[0]?.present) return [];
    const rows = await client.query<{ migration_name: string }>(
      `select migration_name from _prisma_migrations
        where finished_at is not null and rolled_back_at is null
        order by started_at, migration_name`,
    );
    return rows.rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

export function runPrismaCli(args: string[], connectionString: string, engineBinary: string) {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: packageRoot,
      stdio: "inherit",
      // The CLI inherits this environment, with the URL and engine this command decided on.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, DATABASE_URL: connectionString, PRISMA_SCHEMA_ENGINE_BINARY: engineBinary },
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new MigrationError(`prisma ${args.join(" ")} exited with code ${String(code)}`));
    });
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
