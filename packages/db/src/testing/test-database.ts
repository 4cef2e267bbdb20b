// A migrated database of its own for each test run (vitest globalSetup), so parallel runs and
// leftovers never collide. Tests read its URL with `inject("databaseUrl")`.
import { createScratchDatabase } from "../migrate/scratch-database.ts";
import { deployMigrations } from "../migrate/deploy.ts";
import { testEnv } from "./test-env.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export interface ProvideContext {
  provide(key: "databaseUrl", value: string): void;
}

/** vitest globalSetup: `export { setupTestDatabase as setup } from "@shop/db/testing"`. */
export async function setupTestDatabase(project: ProvideContext) {
  const database = await createScratchDatabase(testEnv().TEST_DATABASE_URL, "shop_test");
  await deployMigrations({ connectionString: database.url, engine: "wasm" });
  project.provide("databaseUrl", database.url);
  return async () => {
    if (testEnv().TEST_KEEP_DATABASE) console.log(`kept test database ${database.url}`);
    else await database.drop();
  };
}
