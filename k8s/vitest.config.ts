import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "alerts/**/*.test.ts"],
    testTimeout: 300_000,
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
