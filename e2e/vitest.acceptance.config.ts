import { defineConfig } from "vitest/config";

// The time-scaled Black Friday scenario against the whole shop, in a shop of its own: it needs the
// services to export metrics every second (E2E_METRIC_EXPORT_INTERVAL_MS), and the browser tests'
// traffic would blur its timeline. `npm test` runs it after the browser tests (`test:acceptance`
// alone: `npm run test:acceptance -w @shop/e2e`); its report is counted beside theirs.
export default defineConfig({
  test: {
    include: ["acceptance/**/*.integration-test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 420_000,
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/acceptance.json" },
  },
});
