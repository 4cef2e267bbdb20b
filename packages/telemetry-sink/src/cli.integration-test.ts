// The CLI as a person runs it, against a sink started by the test (query commands) or by the CLI
// itself (serve).
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SinkClient } from "./client.ts";
import {
  OTHER_SESSION_ID,
  RUM_TRACE_ID,
  SESSION_ID,
  clickEvent,
  networkRequestEvent,
  rumBatch,
  rumEvent,
  webVitalEvent,
} from "./rum-fixtures.ts";
import type { RunningSink } from "./server.ts";
import { startSink } from "./server.ts";
import { renderTraceTree } from "./trace-tree.ts";

const cliScript = path.join(import.meta.dirname, "cli.ts");
const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const { TELEMETRY_SINK_URL: _inherited, ...inheritedEnv } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliScript, ...args],
      { env: { ...inheritedEnv, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

const span = (spanId: string, name: string, startMs: number, endMs: number, extra: object = {}) => ({
  traceId: TRACE_ID,
  spanId,
  name,
  kind: 2,
  startTimeUnixNano: `17000000000${String(startMs).padStart(2, "0")}000000`,
  endTimeUnixNano: `17000000000${String(endMs).padStart(2, "0")}000000`,
  ...extra,
});

const request = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "web" } }] },
      scopeSpans: [
        {
          spans: [
            span("1000000000000001", "GET /checkout", 0, 90, {
              attributes: [{ key: "http.route", value: { stringValue: "/checkout" } }],
            }),
            span("1000000000000002", "checkout.place", 10, 80, {
              parentSpanId: "1000000000000001",
              status: { code: 2, message: "payment failed" },
            }),
            span("1000000000000003", "late.callback", 85, 89, { parentSpanId: "10000000000000ff" }),
          ],
        },
      ],
    },
  ],
};

const logs = {
  resourceLogs: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] },
      scopeLogs: [
        {
          logRecords: [
            {
              timeUnixNano: "1700000000020000000",
              severityNumber: 17,
              severityText: "ERROR",
              body: { stringValue: "payment failed" },
              traceId: TRACE_ID,
              spanId: "1000000000000002",
            },
          ],
        },
      ],
    },
  ],
};

describe("telemetry-sink CLI", () => {
  let sink: RunningSink;

  beforeAll(async () => {
    sink = await startSink();
    for (const [signal, body] of [
      ["traces", request],
      ["logs", logs],
    ] as const) {
      const response = await fetch(`${sink.url}/v1/${signal}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
    }
    const rum = rumBatch([
      clickEvent(0),
      networkRequestEvent(40),
      webVitalEvent(900),
      rumEvent({ type: "log", sessionId: OTHER_SESSION_ID, atMs: 1000 }),
    ]);
    const response = await fetch(`${sink.url}/browser/v1beta/logs`, {
      method: "POST",
      body: JSON.stringify(rum),
    });
    expect(response.status).toBe(200);
  });
  afterAll(async () => {
    await sink.close();
  });

  it("prints a trace as a tree", async () => {
    const result = await runCli(["trace", TRACE_ID, "--url", sink.url]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const spans = sink.store.trace(TRACE_ID)?.spans ?? [];
    expect(result.stdout).toBe(`${renderTraceTree(spans)}\n`);
    expect(result.stdout).toBe(
      [
        "GET /checkout (web, SERVER, 90.0 ms) http.route=/checkout",
        '└─ checkout.place (web, SERVER, 70.0 ms) ERROR "payment failed"',
        "late.callback (web, SERVER, 4.00 ms) (parent not received)",
        "",
      ].join("\n"),
    );
  });

  it("finds the sink through TELEMETRY_SINK_URL", async () => {
    const result = await runCli(["trace", TRACE_ID], { TELEMETRY_SINK_URL: sink.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("GET /checkout");
  });

  it("lists traces as a table and a trace's logs", async () => {
    const traces = await runCli(["traces", "--url", sink.url, "--service", "web", "--limit", "5"]);
    expect(traces.code).toBe(0);
    expect(traces.stdout.split("\n")).toEqual([
      "START                     TRACE ID                          SPANS  DURATION  ERROR  SERVICES  ROOT",
      `2023-11-14T22:13:20.000Z  ${TRACE_ID}  3      90.0 ms   ERROR  web       GET /checkout`,
      "",
    ]);

    const logLines = await runCli(["logs", "--trace", TRACE_ID, "--url", sink.url]);
    expect(logLines.code).toBe(0);
    expect(logLines.stdout).toBe(
      "2023-11-14T22:13:20.020Z ERROR [checkout] payment failed span=1000000000000002\n",
    );
  });

  it("lists a session's RUM events as a table, oldest first", async () => {
    const result = await runCli(["rum", "--session", SESSION_ID, "--url", sink.url]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.split("\n")).toEqual([
      "TIME                      TYPE              SESSION                               TRACE ID                          DESCRIPTION",
      `2023-11-14T22:13:20.000Z  user-interaction  ${SESSION_ID}  -                                 click "Add to cart"`,
      `2023-11-14T22:13:20.040Z  network-request   ${SESSION_ID}  ${RUM_TRACE_ID}  POST http://localhost:3000/api/trpc/cart.add 200`,
      `2023-11-14T22:13:20.900Z  web-vitals        ${SESSION_ID}  -                                 LCP 1234.568 (good)`,
      "",
    ]);

    const newest = await runCli(["rum", "--limit", "1", "--url", sink.url]);
    expect(newest.stdout).toContain(`log   ${OTHER_SESSION_ID}`);
    expect(newest.stdout.trim().split("\n")).toHaveLength(2);
    const byType = await runCli([
      "rum",
      "--type",
      "network-request",
      "--trace",
      RUM_TRACE_ID,
      "--url",
      sink.url,
    ]);
    expect(byType.stdout.trim().split("\n")).toHaveLength(2);
    expect((await runCli(["rum", "--type", "error", "--url", sink.url])).stdout).toBe("no RUM events\n");
    const usage = await runCli(["rum", "--trace", "abc", "--url", sink.url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/trace must be 32 hex characters.*\nusage:/);
  });

  it("fails with a message for an unknown trace, a bad argument or an unreachable sink", async () => {
    const unknown = await runCli(["trace", "f".repeat(32), "--url", sink.url]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`telemetry-sink: trace ${"f".repeat(32)} not found at ${sink.url}\n`);

    const usage = await runCli(["traces", "--limit", "many", "--url", sink.url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/limit must be a positive integer.*\nusage:/);

    const noCommand = await runCli(["frobnicate"]);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toMatch(/^unknown command "frobnicate"\nusage:/);

    const unreachable = await runCli(["traces"], { TELEMETRY_SINK_URL: "http://127.0.0.1:9" });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain("telemetry sink at http://127.0.0.1:9 is not reachable");
  });

  it("serves until SIGTERM", async () => {
    const child = spawn(process.execPath, [cliScript, "serve", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let output = "";
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^ready: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on("exit", () => {
        reject(new Error(`serve exited before it was ready:\n${output}`));
      });
    });
    const url = await ready;
    expect(await new SinkClient(url).health()).toEqual({ ok: true });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: stopping");
  });
});
