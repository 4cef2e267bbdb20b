export { LATENCY_BOUNDS_MS, bucketOf, quantileOf } from "./latency-buckets.ts";
export { BUCKET_MS, DEFAULT_LIVE_PREFIX } from "./live-stats-keys.ts";
export { LiveStatsWriter } from "./live-stats-writer.ts";
export type { LiveStatsWriterOptions } from "./live-stats-writer.ts";
export { LiveStatsReader } from "./live-stats-reader.ts";
export type { SubjectSummary } from "./live-stats-reader.ts";
export { startProcessLiveStats, recordLiveRequest, stopProcessLiveStats } from "./process-live-stats.ts";
