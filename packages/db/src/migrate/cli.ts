// db:migrate (deploy), db:migrate:status and db:migration:new, whichever schema engine is here.
import { parseArgs } from "node:util";
import { connectionEnv, toolingEnv } from "../env.ts";
import { deployMigrations, errorMessage } from "./deploy.ts";
import { createMigration } from "./new-migration.ts";
import { migrationStatus } from "./status.ts";

const log = (message: string) => {
  console.log(`[migrate] ${message}`);
};

async function main(command: string | undefined, rest: string[]): Promise<number> {
  const { DATABASE_URL } = connectionEnv();
  switch (command) {
    case "deploy": {
      const tooling = toolingEnv();
      const started = performance.now();
      const result = await deployMigrations({
        connectionString: DATABASE_URL,
        engine: tooling.DB_MIGRATE_ENGINE,
        binaryOverride: tooling.PRISMA_SCHEMA_ENGINE_BINARY,
        log,
      });
      const took = Math.round(performance.now() - started);
      log(
        result.applied.length === 0
          ? `database is up to date (${result.engine} engine, ${took} ms)`
          : `applied ${result.applied.join(", ")} (${result.engine} engine, ${took} ms)`,
      );
      return 0;
    }
    case "status": {
      const status = await migrationStatus(DATABASE_URL);
      if (status.upToDate) log("database schema is up to date with prisma/migrations");
      if (status.history) log(`history: ${JSON.stringify(status.history)}`);
      if (status.failedMigrationNames.length > 0) log(`failed: ${status.failedMigrationNames.join(", ")}`);
      if (status.editedMigrationNames.length > 0)
        log(`edited after apply: ${status.editedMigrationNames.join(", ")}`);
      return status.upToDate ? 0 : 1;
    }
    case "new": {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true });
      const name = positionals.join("_");
      const folder = await createMigration({ serverUrl: DATABASE_URL, name, log });
      log(folder ? `wrote ${folder}/migration.sql: review it, then npm run db:migrate` : "no schema changes");
      return 0;
    }
    default:
      console.error("usage: cli.ts deploy | status | new <name>");
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv[2], process.argv.slice(3));
} catch (error) {
  console.error(`[migrate] ${errorMessage(error)}`);
  process.exitCode = 1;
}
