// @shop/telemetry-sink: a local OTLP/HTTP and Coralogix browser RUM receiver standing in for
// Coralogix in development and tests. See README.md for the query API.
export { startSink, DEFAULT_MAX_REQUEST_BYTES } from "./server.ts";
export type { RunningSink, SinkOptions } from "./server.ts";
export { SinkClient, SinkRequestError } from "./client.ts";
export type { WaitForOptions } from "./client.ts";
export { renderTraceTree } from "./trace-tree.ts";
export { DEFAULT_SINK_URL } from "./env.ts";
export { SinkStore, DEFAULT_LIMITS } from "./store.ts";
export type { SinkLimits } from "./store.ts";
export { decodeLogs, decodeMetrics, decodeTraces, OtlpDecodeError } from "./otlp-decode.ts";
export type { OtlpEncoding, OtlpSignal } from "./otlp-decode.ts";
export { decodeRumLogs, RumDecodeError } from "./rum-events.ts";
export { decodeRumRecording } from "./rum-recording.ts";
export type * from "./model.ts";
export type * from "./queries.ts";
