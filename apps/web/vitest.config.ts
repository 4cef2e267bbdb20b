import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.integration-test.ts"],
    // `server-only` refuses to load outside a React server bundle; unit tests are neither.
    alias: { "server-only": new URL("./test/server-only-stub.ts", import.meta.url).pathname },
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
