// Where integration tests find PostgreSQL: TEST_DATABASE_URL names the server (any database on
// it; each run creates and drops its own), defaulting to the local trust-auth server CI starts.
import { z } from "zod";

const testEnvSchema = z.object({
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/)
    .default("postgresql://postgres@127.0.0.1:5432/postgres"),
  TEST_KEEP_DATABASE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
});

export function testEnv() {
  return testEnvSchema.parse(process.env);
}
