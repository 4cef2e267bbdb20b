// This process's live-stats writer, started once (startServiceServer does it for a service).
// Recording before it starts, or without Redis, is a no-op.
import { Redis } from "ioredis";
import { LiveStatsWriter } from "./live-stats-writer.ts";

let current: { writer: LiveStatsWriter; redis: Redis } | undefined;

export function startProcessLiveStats(options: { redisUrl: string; prefix?: string }): LiveStatsWriter {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectionName: "live-stats" });
  redis.on("error", () => undefined);
  const writer = new LiveStatsWriter(redis, options.prefix === undefined ? {} : { prefix: options.prefix });
  current = { writer, redis };
  return writer;
}

export function recordLiveRequest(subject: string, durationMs: number, failed: boolean): void {
  current?.writer.record(subject, durationMs, failed);
}

export async function stopProcessLiveStats(): Promise<void> {
  const stopping = current;
  current = undefined;
  await stopping?.writer.stop();
  stopping?.redis.disconnect();
}
