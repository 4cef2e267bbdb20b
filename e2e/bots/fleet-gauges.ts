// The fleet's numbers for the presenter console, published to live-stats every few seconds: the
// console shows target vs achieved next to the shop's own rates, across every fleet replica.
import type { LiveStatsWriter } from "@shop/live-stats";
import type { FleetStats } from "./fleet-metrics.ts";

export const LIVE_SUBJECT = "bots";

export function fleetGauges(stats: FleetStats, overrideActive: boolean): Record<string, number> {
  return {
    targetPerMinute: stats.targetPerMinute,
    achievedPerMinute: stats.achievedPerMinute.last1m,
    achievedPerMinuteLast10s: stats.achievedPerMinute.last10s,
    concurrency: stats.concurrency,
    backlog: stats.backlog,
    fallingBehind: stats.fallingBehind ? 1 : 0,
    sessionsStarted: stats.sessions.total.started,
    sessionsCompleted: stats.sessions.total.completed,
    sessionsAbandoned: stats.sessions.total.abandoned,
    sessionsFailed: stats.sessions.total.failed,
    errors: stats.errors.total,
    busy: stats.errors.byKind.busy ?? 0,
    ordersPlaced: stats.orders.placed,
    overrideActive: overrideActive ? 1 : 0,
  };
}

/** Publishes the gauges now and every `everyMs` until the returned stop is called. */
export function publishFleetGauges(options: {
  writer: LiveStatsWriter;
  instanceId: string;
  gauges: () => Record<string, number>;
  everyMs?: number;
  onError?: (error: unknown) => void;
}): () => void {
  const publish = () => {
    options.writer.setGauges(LIVE_SUBJECT, options.instanceId, options.gauges()).catch((error: unknown) => {
      // Redis away: the console misses a few seconds of the fleet's numbers, the fleet goes on.
      options.onError?.(error);
    });
  };
  publish();
  const timer = setInterval(publish, options.everyMs ?? 3_000);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
