import { defineConfig } from "vitest/config";

// Acceptance runs too long and too load-sensitive for every `npm test`: the time-scaled Black
// Friday scenario against the whole shop (`npm run test:acceptance -w @shop/e2e`).
export default defineConfig({
  test: {
    include: ["acceptance/**/*.integration-test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 420_000,
  },
});
