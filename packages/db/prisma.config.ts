// Prisma CLI configuration (Prisma 7 reads the datasource URL from here, not from the schema).
// The CLI does not load .env files: DATABASE_URL comes from the environment, as everywhere else.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    // The Node running the CLI (Node 24 under npm scripts), not whatever `node` is first on PATH.
    seed: `${process.execPath} src/seed/cli.ts`,
  },
  datasource: {
    // Commands that never connect (generate, validate, format) must work without a database.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset",
  },
});
