// Background work on a timer inside a service process (sweepers, model refreshes). Runs never
// overlap (the next is scheduled when the last has finished), a failed run is logged and the next
// one tries again, and stop() waits for a run in flight so resources can close after it. Each run
// is one trace under a span named for the task, so its SQL and Redis calls are not orphans.
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { logger } from "@shop/telemetry";

const tracer = trace.getTracer("@shop/service-kit/periodic-task");

export interface PeriodicTask {
  stop: () => Promise<void>;
}

export function startPeriodicTask(name: string, intervalMs: number, run: () => Promise<void>): PeriodicTask {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const runOnce = () =>
    tracer.startActiveSpan(name, { root: true }, async (span) => {
      try {
        await run();
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        logger.error({ err: error }, `${name} failed`);
      } finally {
        span.end();
      }
    });
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = runOnce().finally(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
