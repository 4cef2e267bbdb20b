export { setupTestDatabase as default } from "@shop/db/testing";
