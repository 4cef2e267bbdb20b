// One lint configuration for the whole monorepo: type-aware rules from typescript-eslint, and the
// house rule that configuration is read from process.env only inside a package's env.ts.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "**/node_modules/**",
      "**/.turbo/**",
      ".data/**",
      "**/generated/**",
      "**/coverage/**",
      "**/.test-results/**",
      "**/.next/**",
      "**/next-env.d.ts",
      "apps/web/public/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the package's env.ts." },
      ],
    },
  },
  {
    // Where configuration is read, and entry points that pass the environment on to children.
    files: [
      "**/env.ts",
      "**/test-env.ts",
      "**/*.config.ts",
      "**/*.integration-test.ts",
      "**/bench/**",
      "scripts/**",
      "packages/*/scripts/**",
      "apps/*/scripts/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
