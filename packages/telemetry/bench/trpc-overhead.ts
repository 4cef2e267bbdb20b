// npm run bench (telemetry part): throughput of a simple tRPC call with telemetry on versus off
// (OTEL_SDK_DISABLED=true), measured side by side in one run on this machine. The service is the
// test fixture started exactly like the shop's services. "On" exports traces, metrics and logs
// over OTLP/HTTP to a receiver in this process that reads and discards them, so the service pays
// its full export cost (serialising, sending) while no decoding competes with the load. Where
// taskset exists, the service runs on CPU 1 and this process on CPU 0, so the two never fight
// for a core. Both services first run 5 s unmeasured (V8 is still optimising for longer than the
// 1.5 s this used to allow: rounds got faster one after the other), then rounds alternate on/off,
// which side first alternating too; the ratio is the median of the per-round ratios.
// This machine's speed drifts by tens of percent from one minute to the next, and the load
// generator shares it, so each round also records the service's own CPU time (/proc): requests
// per CPU-second is what a saturated core would serve, the steadier of the two figures.
// Target: ratio >= 0.85.
// Arguments (all optional): round ms, rounds, warm-up ms.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { percentile, runLoad } from "@shop/load";
import type { LoadResult } from "@shop/load";
import { cpuSeconds } from "@shop/load/process-tree";
import { startService } from "../test/service-process.ts";

interface RoundResult extends LoadResult {
  /** CPU seconds the service used during the round (user + system, from /proc). */
  cpuSeconds: number;
}

async function drive(
  service: { url: string; child: { pid?: number } },
  durationMs: number,
): Promise<RoundResult> {
  const cpuBefore = cpuSeconds(service.child.pid ?? 0);
  const load = await runLoad({
    concurrency: CONCURRENCY,
    durationMs,
    request: async () => {
      const response = await fetch(`${service.url}/ping`);
      await response.arrayBuffer();
      return response.ok;
    },
  });
  return { ...load, cpuSeconds: cpuSeconds(service.child.pid ?? 0) - cpuBefore };
}

const ROUND_MS = Number(process.argv[2] ?? 2_500);
const ROUNDS = Number(process.argv[3] ?? 8);
const CONCURRENCY = 10;
const WARMUP_MS = Number(process.argv[4] ?? 5_000);

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
  await drive(on, WARMUP_MS);
  await drive(off, WARMUP_MS);
  for (let round = 0; round < ROUNDS; round++) {
    // Which side goes first alternates, so a drift of the machine's speed favours neither.
    if (round % 2 === 0) {
      totals.on.push(await drive(on, ROUND_MS));
      totals.off.push(await drive(off, ROUND_MS));
    } else {
      totals.off.push(await drive(off, ROUND_MS));
      totals.on.push(await drive(on, ROUND_MS));
    }
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
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const paired = (of: (round: RoundResult) => number) =>
  totals.on.map((round, i) => of(round) / of(totals.off[i] ?? round));
const ratios = paired((round) => round.perSecond);
const ratio = median(ratios);
const perCpuSecond = (round: RoundResult) => round.requests / Math.max(round.cpuSeconds, 0.01);
const cpuRatios = paired(perCpuSecond);
const cpuPerRequest = (results: RoundResult[]) =>
  (1e6 * results.reduce((sum, r) => sum + r.cpuSeconds, 0)) / results.reduce((sum, r) => sum + r.requests, 0);
const line = (label: string, s: ReturnType<typeof summarize>) =>
  `${label.padEnd(15)} ${s.perSecond.toFixed(0).padStart(6)} req/s   p50 ${s.p50.toFixed(2)} ms   p95 ${s.p95.toFixed(2)} ms`;
console.log(
  `tRPC ping, concurrency ${String(CONCURRENCY)}, ${String(ROUNDS)} x ${String(ROUND_MS)} ms rounds each` +
    (pinned ? ", service on CPU 1, load on CPU 0" : " (taskset unavailable: processes share cores)"),
);
console.log(line("telemetry off", without));
console.log(line("telemetry on", withTelemetry));
console.log(`OTLP exported while on: ${(exported / 1024 / 1024).toFixed(1)} MiB`);
console.log(
  `service CPU per request: on ${cpuPerRequest(totals.on).toFixed(0)} µs, off ${cpuPerRequest(totals.off).toFixed(0)} µs`,
);
console.log(
  `requests per CPU-second ratio on/off: ${median(cpuRatios).toFixed(3)} (per round: ${cpuRatios.map((r) => r.toFixed(3)).join(", ")})`,
);
console.log(`per-round ratios: ${ratios.map((r) => r.toFixed(3)).join(", ")}`);
console.log(`throughput ratio on/off: ${ratio.toFixed(3)} (target >= 0.85)`);
