// `npm run db:migrate:status`: which committed migrations a database has not applied, and whether
// its history diverged from the folder (an edited or deleted migration).
import type { HistoryDiagnostic } from "@prisma/schema-engine-wasm";
import { readMigrationList, readSchemaFile } from "./migrations-directory.ts";
import { openWasmSchemaEngine } from "./wasm-schema-engine.ts";

export interface MigrationStatus {
  upToDate: boolean;
  history: HistoryDiagnostic | null;
  failedMigrationNames: string[];
  editedMigrationNames: string[];
}

export async function migrationStatus(connectionString: string): Promise<MigrationStatus> {
  const { engine, close } = await openWasmSchemaEngine({
    connectionString,
    schemaFiles: [await readSchemaFile()],
  });
  try {
    const result = await engine.diagnoseMigrationHistory({
      migrationsList: await readMigrationList(),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
    return {
      upToDate:
        result.history === null &&
        result.failedMigrationNames.length === 0 &&
        result.editedMigrationNames.length === 0,
      history: result.history,
      failedMigrationNames: result.failedMigrationNames,
      editedMigrationNames: result.editedMigrationNames,
    };
  } finally {
    await close();
  }
}
