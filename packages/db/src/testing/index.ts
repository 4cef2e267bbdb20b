export { setupTestDatabase } from "./test-database.ts";
export { testEnv } from "./test-env.ts";
