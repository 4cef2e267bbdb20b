// Redis layout: one hash per subject (a service, the storefront) and 10-second bucket, holding a
// request count, an error count and the latency bucket counts; one hash per gauge reporter (a bot
// fleet instance) holding its latest values. Everything expires on its own.

export const BUCKET_MS = 10_000;
/** Buckets are kept for this long: enough for the console's windows, never a growing keyspace. */
export const BUCKET_TTL_SECONDS = 15 * 60;
export const DEFAULT_LIVE_PREFIX = "shop:";

export function bucketStart(epochMs: number): number {
  return Math.floor(epochMs / BUCKET_MS) * BUCKET_MS;
}

export function requestsKey(prefix: string, subject: string, bucket: number) {
  return `${prefix}live:req:${subject}:${String(bucket)}`;
}

export function gaugesPattern(prefix: string, subject: string) {
  return `${prefix}live:gauge:${subject}:*`;
}

export function gaugesKey(prefix: string, subject: string, instance: string) {
  return `${prefix}live:gauge:${subject}:${instance}`;
}
