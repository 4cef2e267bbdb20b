// The fleet's HTTP face: stats and Prometheus metrics for dashboards and tests, and a control
// endpoint that changes the traffic while the fleet runs (the scenarios drive it).
import { timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { z } from "zod";
import type { FleetMetrics } from "./fleet-metrics.ts";
import { describeShape, trafficShapeSchema } from "./traffic-shapes.ts";
import type { TrafficOverride } from "./traffic-override.ts";
import type { TrafficShape } from "./traffic-shapes.ts";

export interface Controllable {
  readonly shape: TrafficShape;
  /** The fleet's own shape, when a scenario overrides it (bots.traffic). */
  readonly baseShape?: TrafficShape;
  readonly trafficOverride?: TrafficOverride | undefined;
  setShape(shape: TrafficShape): void;
}

const controlInput = z.union([
  z.object({ shape: trafficShapeSchema }).strict(),
  z.object({ rate: z.number().min(0).max(10_000) }).strict(),
]);

const MAX_BODY_BYTES = 16 * 1024;

/** Answers the request; true, so a handler can `return send(...)`. */
function send(response: ServerResponse, status: number, body: unknown, type = "application/json"): true {
  const text = type === "application/json" ? JSON.stringify(body, null, 2) : String(body);
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(text);
  return true;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * Without a token, /control is open only when the server listens on loopback: bound to 0.0.0.0
 * (Kubernetes, for the /metrics scrape) anyone on the network could reshape the traffic.
 */
function authorized(request: IncomingMessage, token: string | undefined, host: string): boolean {
  if (!token) return LOOPBACK.has(host);
  const given = Buffer.from(request.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createControlServer(options: {
  fleet: Controllable;
  metrics: FleetMetrics;
  expectedMix: Record<string, number>;
  controlToken: string | undefined;
  /** The address the server listens on (decides whether /control may go without a token). */
  host: string;
}): Server {
  const { fleet, metrics } = options;
  return createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://bots").pathname;
    void (async () => {
      if (request.method === "GET" && path === "/healthz") return send(response, 200, { ok: true });
      if (request.method === "GET" && path === "/stats") {
        return send(response, 200, {
          shape: fleet.shape,
          shapeDescription: describeShape(fleet.shape),
          ...(fleet.trafficOverride
            ? { trafficOverride: fleet.trafficOverride, baseShape: fleet.baseShape }
            : {}),
          expectedJourneyMix: options.expectedMix,
          ...metrics.stats(),
        });
      }
      if (request.method === "GET" && path === "/metrics") {
        return send(response, 200, metrics.prometheus(), "text/plain; version=0.0.4; charset=utf-8");
      }
      if (path === "/control") {
        if (request.method !== "POST") return send(response, 405, { error: "use POST" });
        if (!authorized(request, options.controlToken, options.host)) {
          return send(response, 401, {
            error: options.controlToken
              ? "missing or wrong token"
              : "control is open only on loopback: set BOTS_CONTROL_TOKEN to control a fleet listening on the network",
          });
        }
        let body: unknown;
        try {
          body = await readJson(request);
        } catch (error) {
          return send(response, 400, {
            error: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
        const parsed = controlInput.safeParse(body);
        if (!parsed.success) {
          return send(response, 400, {
            error: "expected {shape: {...}} or {rate: n}",
            issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
          });
        }
        const shape: TrafficShape =
          "rate" in parsed.data ? { kind: "steady", perMinute: parsed.data.rate } : parsed.data.shape;
        fleet.setShape(shape);
        return send(response, 200, { shape, shapeDescription: describeShape(shape) });
      }
      return send(response, 404, { error: `no ${request.method ?? ""} ${path}` });
    })().catch((error: unknown) => {
      send(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
}
