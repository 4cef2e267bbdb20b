export { deployMigrations, appliedMigrationNames, MigrationError, resolveEngine } from "./deploy.ts";
export type { DeployResult, EngineChoice } from "./deploy.ts";
export { migrationStatus } from "./status.ts";
export { createMigration } from "./new-migration.ts";
export { createScratchDatabase, withDatabaseName } from "./scratch-database.ts";
export type { ScratchDatabase } from "./scratch-database.ts";
