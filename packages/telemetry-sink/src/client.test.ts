import { describe, expect, it } from "vitest";
import { SinkClient } from "./client.ts";

const client = new SinkClient("http://127.0.0.1:1/");

describe("SinkClient.waitFor", () => {
  it("polls until the condition holds, retrying queries that throw", async () => {
    let calls = 0;
    const value = await client.waitFor(
      () => {
        calls++;
        if (calls === 1) return Promise.reject(new Error("sink starting"));
        return Promise.resolve(calls);
      },
      (count) => count >= 4,
      { intervalMs: 1 },
    );
    expect(value).toBe(4);
  });

  it("times out with what it waited for and what it saw last", async () => {
    await expect(
      client.waitFor(
        () => Promise.resolve({ spans: 2 }),
        (result) => result.spans === 3,
        { timeoutMs: 30, intervalMs: 5, description: "three spans" },
      ),
    ).rejects.toThrow(
      /^timed out after 30 ms waiting for three spans \(\d+ attempts against http:\/\/127\.0\.0\.1:1\); last result: \{"spans":2\}$/,
    );
    await expect(
      client.waitFor(
        () => Promise.reject(new Error("connection refused")),
        () => true,
        { timeoutMs: 10, intervalMs: 5 },
      ),
    ).rejects.toThrow(/waiting for the condition .*; last error: connection refused$/);
  });

  it("says when the sink is not reachable", async () => {
    await expect(client.stats()).rejects.toThrow(
      "telemetry sink at http://127.0.0.1:1 is not reachable (GET /api/stats)",
    );
  });
});
