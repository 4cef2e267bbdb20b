// The Prisma client every Node process uses: the `prisma-client` generator's TypeScript output
// over @prisma/adapter-pg (Prisma 7 talks to PostgreSQL through node-postgres, no engine binary).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface DbClientOptions {
  connectionString: string;
  /** Connections in this process's pool. */
  poolMax?: number;
  /** Name reported to PostgreSQL (pg_stat_activity.application_name). */
  applicationName?: string;
}

export function createDbClient(options: DbClientOptions): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: options.connectionString,
    max: options.poolMax ?? 10,
    application_name: options.applicationName ?? "shop",
  });
  return new PrismaClient({ adapter });
}

export type DbClient = PrismaClient;
