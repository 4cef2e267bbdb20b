import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.integration-test.ts"],
    // A migrated database of this run's own.
    globalSetup: ["./test/global-setup.ts"],
    // Spans in memory, with the production pg and ioredis instrumentations (before they load).
    setupFiles: ["./test/in-memory-tracing.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
