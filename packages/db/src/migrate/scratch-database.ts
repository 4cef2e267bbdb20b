// A throwaway database on the same server as a given URL: what Prisma Migrate calls a shadow
// database, and what each test run uses so that runs never collide. Needs CREATEDB rights.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function withDatabaseName(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  // Connect to the maintenance database: the target of serverUrl may not exist yet.
  const admin = withDatabaseName(serverUrl, "postgres");
  await runAdmin(admin, `create database "${name}"`);
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    drop: () => runAdmin(admin, `drop database if exists "${name}" with (force)`),
  };
}

async function runAdmin(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
