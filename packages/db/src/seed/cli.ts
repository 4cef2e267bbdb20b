// `npm run db:seed` (also Prisma's seed command). Prints progress, the row counts and the time.
import { createDbClient } from "../client.ts";
import { connectionEnv, toolingEnv } from "../env.ts";
import { seedDatabase } from "./seed.ts";

const log = (message: string) => {
  console.log(`[seed] ${message}`);
};

const { DATABASE_URL } = connectionEnv();
const anchorDate = toolingEnv().SEED_ANCHOR_DATE ?? new Date().toISOString().slice(0, 10);
const db = createDbClient({ connectionString: DATABASE_URL, poolMax: 2, applicationName: "seed" });
const started = performance.now();
try {
  log(`seeding (history ends ${anchorDate})`);
  const counts = await seedDatabase(db, { anchorDate, log });
  log(
    `rows: ${Object.entries(counts)
      .map(([table, count]) => `${table} ${count}`)
      .join(", ")}`,
  );
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
