// The bot fleet's control endpoint (POST /control changes the traffic) is an admin endpoint: with
// a control token configured it answers 401 to a request without it or with a wrong one. Its read
// side (/stats, /metrics, /healthz) is open by design, for dashboards and Prometheus. Without a
// token /control answers only when the fleet listens on loopback (the default): bound to the
// network (BOTS_HOST=0.0.0.0, as in Kubernetes for the /metrics scrape) it needs the token. The
// presenter console's 401s are in console.integration-test.ts.
import type { Server } from "node:http";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createControlServer } from "../bots/control-server.ts";
import { fleetConfig } from "../bots/fleet-config.ts";
import { FleetMetrics } from "../bots/fleet-metrics.ts";
import { FleetRunner } from "../bots/fleet-runner.ts";
import { DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS } from "../bots/personas.ts";

const TOKEN = "control-token-for-the-security-test";

describe("the bot fleet's control endpoint", () => {
  // A fleet that is never started: only its traffic shape is read and changed.
  const metrics = new FleetMetrics();
  const fleet = new FleetRunner({
    baseUrl: "http://127.0.0.1:9",
    shape: { kind: "steady", perMinute: 30 },
    maxSessions: 1,
    journeyWeights: DEFAULT_JOURNEY_WEIGHTS,
    personaWeights: DEFAULT_PERSONA_WEIGHTS,
    thinkScale: 1,
    metrics,
    log: () => undefined,
  });
  let server: Server;
  let base = "";

  beforeAll(async () => {
    server = createControlServer({ fleet, metrics, expectedMix: {}, controlToken: TOKEN, host: "127.0.0.1" });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    base = `http://127.0.0.1:${String(address.port)}`;
  });
  afterAll(() => {
    server.close();
  });

  const control = (authorization: string | undefined, rate: number) =>
    fetch(`${base}/control`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ rate }),
    });

  it("answers 401 without the token or with a wrong one, and changes nothing", async () => {
    for (const authorization of [
      undefined,
      "Bearer",
      "Bearer wrong",
      `Bearer ${TOKEN.slice(0, -1)}x`,
      `Bearer ${TOKEN}x`,
      `Basic ${Buffer.from(`bots:${TOKEN}`).toString("base64")}`,
      TOKEN,
    ]) {
      const response = await control(authorization, 999);
      expect(response.status, authorization ?? "no authorization").toBe(401);
      await response.body?.cancel();
    }
    expect(fleet.shape).toEqual({ kind: "steady", perMinute: 30 });
  });

  it("without a token, refuses control when the fleet listens on the network", async () => {
    const open = createControlServer({
      fleet,
      metrics,
      expectedMix: {},
      controlToken: undefined,
      host: "0.0.0.0",
    });
    open.listen(0, "127.0.0.1");
    await once(open, "listening");
    const address = open.address();
    if (!address || typeof address === "string") throw new Error("no port");
    try {
      const response = await fetch(`http://127.0.0.1:${String(address.port)}/control`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rate: 999 }),
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toMatch(/BOTS_CONTROL_TOKEN/);
      expect(fleet.shape).toEqual({ kind: "steady", perMinute: 30 });
    } finally {
      open.close();
    }
  });

  it("changes the traffic with the token, and only by POST", async () => {
    const response = await control(`Bearer ${TOKEN}`, 45);
    expect(response.status).toBe(200);
    expect(fleet.shape).toEqual({ kind: "steady", perMinute: 45 });
    const get = await fetch(`${base}/control`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(get.status).toBe(405);
    await get.body?.cancel();
  });

  it("keeps its read side open (stats and metrics, no secrets in them)", async () => {
    const stats = await fetch(`${base}/stats`);
    expect(stats.status).toBe(200);
    const text = await stats.text();
    expect(text).toContain('"perMinute": 45');
    expect(text).not.toContain(TOKEN);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });

  it("listens on loopback unless an address is configured, token or not", () => {
    const config = fleetConfig([], {});
    expect(config === "help" ? undefined : { host: config.host, token: config.controlToken }).toEqual({
      host: "127.0.0.1",
      token: undefined,
    });
    const withToken = fleetConfig([], { BOTS_CONTROL_TOKEN: TOKEN, BOTS_HOST: "0.0.0.0" });
    expect(withToken === "help" ? undefined : withToken.controlToken).toBe(TOKEN);
  });
});
