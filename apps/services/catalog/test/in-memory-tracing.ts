// vitest setupFiles: the catalog's spans, kept in memory so tests can read a request's telemetry
// in-process. The pg and ioredis instrumentations are the ones production runs (see
// @shop/telemetry's sdk.ts); they patch the drivers as they load, so this must run before any
// test imports them, which is why it is a setup file and not a helper a test calls.
import { createRequire } from "node:module";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider);
for (const instrumentation of [
  new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
  new IORedisInstrumentation({ requireParentSpan: true }),
]) {
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
}
// The instrumentations hook require(): load the drivers through it now, so the ESM imports that
// follow get the same (patched) CommonJS modules from the require cache.
const require = createRequire(import.meta.url);
require("pg");
require("ioredis");

/** Every span ended so far in this test file. */
export async function finishedSpans(): Promise<ReadableSpan[]> {
  await provider.forceFlush();
  return exporter.getFinishedSpans();
}

export function forgetSpans(): void {
  exporter.reset();
}
