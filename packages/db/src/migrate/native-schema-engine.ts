// Where Prisma's native schema engine is. @prisma/engines downloads it at install time from
// binaries.prisma.sh; on an air-gapped machine that download fails silently and the file is
// simply absent. PRISMA_SCHEMA_ENGINE_BINARY (Prisma's own variable) overrides the location.
import { accessSync, constants, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// @prisma/engines belongs to the prisma CLI: resolve it from there, not from this package.
const fromCli = createRequire(createRequire(import.meta.url).resolve("prisma/package.json"));

export function findNativeSchemaEngine(override: string | undefined): string | undefined {
  if (override) return isExecutable(override) ? override : undefined;
  const enginesDir = path.dirname(fromCli.resolve("@prisma/engines/package.json"));
  const binary = readdirSync(enginesDir).find(
    (name) => name.startsWith("schema-engine-") && !name.endsWith(".sha256") && !name.endsWith(".gz"),
  );
  return binary && isExecutable(path.join(enginesDir, binary)) ? path.join(enginesDir, binary) : undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
