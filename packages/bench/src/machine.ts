// The machine a run measured: what makes two reports comparable (or not).
import { execFile } from "node:child_process";
import os from "node:os";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";

export interface MachineInfo {
  platform: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  node: string;
  postgres: string;
  redis: string;
  chromium: string;
  loadAverageAtStart: number[];
}

async function postgresVersion(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version ?? "?";
  } finally {
    await client.end();
  }
}

async function redisVersion(redisUrl: string): Promise<string> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info("server");
    return /^redis_version:(\S+)/m.exec(info)?.[1] ?? "?";
  } finally {
    redis.disconnect();
  }
}

async function chromiumVersion(chromiumPath: string): Promise<string> {
  const { stdout } = await promisify(execFile)(chromiumPath, ["--version"], { timeout: 10_000 });
  return stdout.trim();
}

const unknown = (error: unknown) => `unknown (${error instanceof Error ? error.message : String(error)})`;

export async function machineInfo(options: {
  databaseUrl: string;
  redisUrl: string;
  chromiumPath: string;
  loadAverageAtStart: number[];
}): Promise<MachineInfo> {
  const [postgres, redis, chromium] = await Promise.all([
    postgresVersion(options.databaseUrl).catch(unknown),
    redisVersion(options.redisUrl).catch(unknown),
    chromiumVersion(options.chromiumPath).catch(unknown),
  ]);
  return {
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: os.cpus()[0]?.model ?? "?",
    cpuCount: os.cpus().length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    postgres,
    redis,
    chromium,
    loadAverageAtStart: options.loadAverageAtStart,
  };
}
