// The console's live numbers, from what every process already records: per-service request rate,
// error rate and p95 (live stats in Redis), the bot fleet's target vs achieved rate (its gauges),
// and orders and revenue per minute (the orders table, through the orders service).
import { SERVICES_WITH_FAULTS } from "@shop/flags";
import type { SubjectSummary } from "@shop/live-stats";

export const LIVE_WINDOW_MS = 60_000;
export const LIVE_SUBJECTS = [...SERVICES_WITH_FAULTS, "storefront"] as const;
/** Orders are averaged over this many complete minutes (the current one is still filling). */
const ORDER_MINUTES = 5;

export interface LiveStatsSource {
  summary(subjects: readonly string[], windowMs: number): Promise<SubjectSummary[]>;
  gauges(subject: string): Promise<Record<string, Record<string, number>>>;
}

export interface RecentOrders {
  minutes: { start: Date; orders: number; revenueMinor: Record<string, number> }[];
}

export interface BotTraffic {
  instances: number;
  targetPerMinute: number;
  achievedPerMinute: number;
  concurrency: number;
}

export interface OrderTraffic {
  /** Average over the last complete minutes. */
  perMinute: number;
  revenueMinorPerMinute: Record<string, number>;
  lastMinute: { orders: number; revenueMinor: Record<string, number> } | null;
}

export interface LiveTraffic {
  windowSeconds: number;
  services: SubjectSummary[];
  bots: BotTraffic | null;
  orders: OrderTraffic | null;
  /** What could not be read this time (the rest still shows). */
  unavailable: string[];
}

export function botTraffic(gauges: Record<string, Record<string, number>>): BotTraffic | null {
  const instances = Object.values(gauges);
  if (instances.length === 0) return null;
  const sum = (field: string) => instances.reduce((total, values) => total + (values[field] ?? 0), 0);
  return {
    instances: instances.length,
    targetPerMinute: sum("targetPerMinute"),
    achievedPerMinute: sum("achievedPerMinute"),
    concurrency: sum("concurrency"),
  };
}

export function orderTraffic(recent: RecentOrders): OrderTraffic {
  const complete = recent.minutes.slice(0, -1).slice(-ORDER_MINUTES);
  const count = Math.max(1, complete.length);
  const revenue: Record<string, number> = {};
  let orders = 0;
  for (const minute of complete) {
    orders += minute.orders;
    for (const [currency, minor] of Object.entries(minute.revenueMinor)) {
      revenue[currency] = (revenue[currency] ?? 0) + minor;
    }
  }
  const last = complete.at(-1);
  return {
    perMinute: orders / count,
    revenueMinorPerMinute: Object.fromEntries(
      Object.entries(revenue).map(([currency, minor]) => [currency, Math.round(minor / count)]),
    ),
    lastMinute: last ? { orders: last.orders, revenueMinor: last.revenueMinor } : null,
  };
}

/** Reads everything at once; a source that fails is named in `unavailable`, not fatal. */
export async function readLiveTraffic(
  live: LiveStatsSource,
  recentOrders: (minutes: number) => Promise<RecentOrders>,
): Promise<LiveTraffic> {
  const [services, gauges, orders] = await Promise.allSettled([
    live.summary(LIVE_SUBJECTS, LIVE_WINDOW_MS),
    live.gauges("bots"),
    recentOrders(ORDER_MINUTES + 1),
  ]);
  const unavailable: string[] = [];
  if (services.status === "rejected") unavailable.push("live request numbers");
  if (gauges.status === "rejected") unavailable.push("bot fleet numbers");
  if (orders.status === "rejected") unavailable.push("orders");
  return {
    windowSeconds: LIVE_WINDOW_MS / 1000,
    services: services.status === "fulfilled" ? services.value : [],
    bots: gauges.status === "fulfilled" ? botTraffic(gauges.value) : null,
    orders: orders.status === "fulfilled" ? orderTraffic(orders.value) : null,
    unavailable,
  };
}
