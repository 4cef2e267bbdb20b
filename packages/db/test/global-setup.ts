export { setupTestDatabase as default } from "../src/testing/index.ts";
