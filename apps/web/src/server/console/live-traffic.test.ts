// Covers how the console sums the bot fleets' gauges and averages orders per minute.
import { describe, expect, it } from "vitest";
import { botTraffic, orderTraffic, readLiveTraffic } from "./live-traffic.ts";

const minute = (start: number, orders: number, revenueMinor: Record<string, number> = {}) => ({
  start: new Date(start * 60_000),
  orders,
  revenueMinor,
});

describe("botTraffic", () => {
  it("adds up every reporting fleet instance", () => {
    expect(
      botTraffic({
        a: { targetPerMinute: 100, achievedPerMinute: 90, concurrency: 4 },
        b: { targetPerMinute: 50, achievedPerMinute: 45, concurrency: 2 },
      }),
    ).toEqual({ instances: 2, targetPerMinute: 150, achievedPerMinute: 135, concurrency: 6 });
  });

  it("is null when no fleet reports", () => {
    expect(botTraffic({})).toBeNull();
  });
});

describe("orderTraffic", () => {
  it("averages the complete minutes (the current one is still filling), revenue by currency", () => {
    const traffic = orderTraffic({
      minutes: [
        minute(1, 2, { USD: 2_000 }),
        minute(2, 4, { USD: 6_000, EUR: 1_000 }),
        minute(3, 0),
        minute(4, 3, { USD: 3_000 }),
        minute(5, 1, { USD: 1_000 }),
        minute(6, 100, { USD: 1_000_000 }),
      ],
    });
    expect(traffic.perMinute).toBe(2);
    expect(traffic.revenueMinorPerMinute).toEqual({ USD: 2_400, EUR: 200 });
    expect(traffic.lastMinute).toEqual({ orders: 1, revenueMinor: { USD: 1_000 } });
  });

  it("says zero, not NaN, without complete minutes", () => {
    expect(orderTraffic({ minutes: [minute(1, 5)] })).toEqual({
      perMinute: 0,
      revenueMinorPerMinute: {},
      lastMinute: null,
    });
  });
});

describe("readLiveTraffic", () => {
  it("shows what it could read and names what it could not", async () => {
    const traffic = await readLiveTraffic(
      {
        summary: (subjects) =>
          Promise.resolve(
            subjects.map((subject) => ({ subject, perMinute: 6, errorRate: 0, p95Ms: 25, requests: 6 })),
          ),
        gauges: () => Promise.reject(new Error("redis away")),
      },
      () => Promise.reject(new Error("orders away")),
    );
    expect(traffic.services.map((row) => row.subject)).toContain("storefront");
    expect(traffic.services.map((row) => row.subject)).toContain("checkout");
    expect(traffic.bots).toBeNull();
    expect(traffic.orders).toBeNull();
    expect(traffic.unavailable).toEqual(["bot fleet numbers", "orders"]);
  });
});
