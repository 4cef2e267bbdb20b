// Configuration of the database package, validated with zod. Everything that talks to PostgreSQL
// reads DATABASE_URL through here, so a missing or malformed URL fails with one readable line.
import { z } from "zod";

export class ConfigError extends Error {
  override name = "ConfigError";
}

function parse<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>) {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid database configuration: ${problems.join("; ")}`);
  }
  return result.data;
}

const connectionSchema = z.object({
  DATABASE_URL: z
    .string({ error: "is required (e.g. postgresql://postgres@127.0.0.1:5432/shop)" })
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  // Connections in this process's pool.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
});

const toolingSchema = z.object({
  // auto: Prisma's native schema engine where it is installed, else @prisma/schema-engine-wasm.
  DB_MIGRATE_ENGINE: z.enum(["auto", "native", "wasm"]).default("auto"),
  PRISMA_SCHEMA_ENGINE_BINARY: z.string().min(1).optional(),
  // The last day of the seeded order history (YYYY-MM-DD, UTC); today when unset.
  SEED_ANCHOR_DATE: z.iso.date().optional(),
});

export type ConnectionEnv = z.infer<typeof connectionSchema>;
export type ToolingEnv = z.infer<typeof toolingSchema>;

export function connectionEnv(source: Record<string, string | undefined> = process.env) {
  return parse(connectionSchema, source);
}

export function toolingEnv(source: Record<string, string | undefined> = process.env) {
  return parse(toolingSchema, source);
}
