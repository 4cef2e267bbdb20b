import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "bots/**/*.test.ts",
      "bots/**/*.integration-test.ts",
      "test/**/*.integration-test.ts",
    ],
    // The whole shop (demo stack + storefront production build) once for all browser tests.
    globalSetup: ["./test/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 420_000,
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
