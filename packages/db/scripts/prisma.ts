// Runs the Prisma CLI (`node scripts/prisma.ts generate`, `... validate`, `... format`).
// Without the native schema engine the CLI would try to download it before every command and
// fail offline; the stand-in lets engine-free commands run and makes engine commands fail clearly.
import { fileURLToPath } from "node:url";
import { runPrismaCli } from "../src/migrate/deploy.ts";
import { findNativeSchemaEngine } from "../src/migrate/native-schema-engine.ts";
import { toolingEnv } from "../src/env.ts";

const standIn = fileURLToPath(new URL("../bin/schema-engine-unavailable", import.meta.url));
const engine = findNativeSchemaEngine(toolingEnv().PRISMA_SCHEMA_ENGINE_BINARY) ?? standIn;

try {
  await runPrismaCli(process.argv.slice(2), process.env.DATABASE_URL ?? "", engine);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
