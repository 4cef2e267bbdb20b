// npm run bench (telemetry part): throughput of a simple tRPC call with telemetry on versus off
// (OTEL_SDK_DISABLED=true), measured side by side in one run on this machine. The service is the
// test fixture started exactly like the shop's services. "On" exports traces, metrics and logs
// over OTLP/HTTP to a receiver in this process that reads and discards them, so the service pays
// its full export cost (serialising, sending) while no decoding competes with the load. Where
// taskset exists, the service runs on CPU 1 and this process on CPU 0, so the two never fight
// for a core. Rounds alternate on/off; the ratio is the median of the per-round ratios.
// Target: ratio >= 0.85.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { runLoad } from "@shop/load";
import type { LoadResult } from "@shop/load";
import { startService } from "../test/service-process.ts";

type RoundResult = LoadResult;

function drive(url: string, durationMs: number): Promise<RoundResult> {
  return runLoad({
    concurrency: CONCURRENCY,
    durationMs,
    request: async () => {
      const response = await fetch(`${url}/ping`);
      await response.arrayBuffer();
      return response.ok;
    },
  });
}

const ROUND_MS = Number(process.argv[2] ?? 4_000);
const ROUNDS = 3;
const CONCURRENCY = 10;

function pin(pid: number, cpu: number): boolean {
  try {
    execFileSync("taskset", ["-a", "-p", "-c", String(cpu), String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

let exported = 0;
const receiver = createServer((request, response) => {
  request.on("data", (chunk: Buffer) => {
    exported += chunk.length;
  });
  request.on("end", () => {
    response.writeHead(200, { "content-type": request.headers["content-type"] ?? "application/x-protobuf" });
    response.end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${String((receiver.address() as AddressInfo).port)}`;

const common = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", LOG_LEVEL: "warn" };
const on = await startService("back-service", {
  ...common,
  OTEL_SERVICE_NAME: "bench-on",
  OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl,
  OTEL_METRIC_EXPORT_INTERVAL: "5000",
});
const off = await startService("back-service", {
  ...common,
  OTEL_SERVICE_NAME: "bench-off",
  OTEL_SDK_DISABLED: "true",
});
const pinned = [pin(process.pid, 0), pin(on.child.pid ?? 0, 1), pin(off.child.pid ?? 0, 1)].every(Boolean);

const totals = { on: [] as RoundResult[], off: [] as RoundResult[] };
try {
  await drive(on.url, 1_500);
  await drive(off.url, 1_500);
  for (let round = 0; round < ROUNDS; round++) {
    totals.on.push(await drive(on.url, ROUND_MS));
    totals.off.push(await drive(off.url, ROUND_MS));
  }
} finally {
  await Promise.allSettled([on.stop(), off.stop()]);
  receiver.close();
}

const summarize = (results: RoundResult[]) => ({
  perSecond: results.reduce((sum, r) => sum + r.perSecond, 0) / results.length,
  p50: Math.max(...results.map((r) => r.p50)),
  p95: Math.max(...results.map((r) => r.p95)),
});
const withTelemetry = summarize(totals.on);
const without = summarize(totals.off);
const ratios = totals.on.map((round, i) => round.perSecond / (totals.off[i]?.perSecond ?? Infinity)).sort();
const ratio = ratios[Math.floor(ratios.length / 2)] ?? 0;
const line = (label: string, s: ReturnType<typeof summarize>) =>
  `${label.padEnd(15)} ${s.perSecond.toFixed(0).padStart(6)} req/s   p50 ${s.p50.toFixed(2)} ms   p95 ${s.p95.toFixed(2)} ms`;
console.log(
  `tRPC ping, concurrency ${String(CONCURRENCY)}, ${String(ROUNDS)} x ${String(ROUND_MS)} ms rounds each` +
    (pinned ? ", service on CPU 1, load on CPU 0" : " (taskset unavailable: processes share cores)"),
);
console.log(line("telemetry off", without));
console.log(line("telemetry on", withTelemetry));
console.log(`OTLP exported while on: ${(exported / 1024 / 1024).toFixed(1)} MiB`);
console.log(`per-round ratios: ${ratios.map((r) => r.toFixed(3)).join(", ")}`);
console.log(`throughput ratio on/off: ${ratio.toFixed(3)} (target >= 0.85)`);
