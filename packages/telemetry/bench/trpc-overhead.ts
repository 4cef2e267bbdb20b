// npm run bench (telemetry part): throughput of a simple tRPC call with telemetry on versus off
// (OTEL_SDK_DISABLED=true), measured side by side in one run on this machine. The service is the
// test fixture started exactly like the shop's services. "On" exports traces, metrics and logs
// over OTLP/HTTP to a receiver in this process that reads and discards them, so the service pays
// its full export cost (serialising, sending) while no decoding competes with the load. Two more
// sides show where the difference goes: traces head-sampled at 10%, and no span recorded at all.
// Where taskset exists, the services run on CPU 1 and this process on CPU 0, so a service and
// the load generator never fight for a core. Every service first runs 5 s unmeasured (V8 is still
// optimising for longer than the 1.5 s this used to allow: rounds got faster one after the
// other), then each round drives every service once, in an order shuffled for that round; a
// ratio is the median of the per-round ratios.
// Every side runs as two identical processes, a side's round being their mean: processes started
// identically differ here by up to 30% in CPU per call for a whole run (three or four identical
// "on" services side by side: 433 to 573 µs, 455 to 554 µs), so one process per side made each
// ratio partly a draw of which process came out slow. Every process's figure is printed, so the
// spread is seen, not hidden.
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

// Short rounds, many of them: the machine's speed swings within seconds, and a side's round is
// compared with the other sides' rounds of the same few seconds.
const ROUND_MS = Number(process.argv[2] ?? 1_000);
const ROUNDS = Number(process.argv[3] ?? 15);
const PROCESSES_PER_SIDE = 2;
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
const exporting = { OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl, OTEL_METRIC_EXPORT_INTERVAL: "5000" };
// "on" and "off" are the comparison the target is about. The two sides between them say where
// the difference goes: head sampling at 10% (the standard sampler, configured by OTEL_* variables
// as an operator would) and no span recorded at all (metrics, logs and context propagation only),
// the floor that no span-level tuning can go below.
const SIDES = [
  { key: "off", label: "telemetry off", env: { OTEL_SDK_DISABLED: "true" } },
  { key: "on", label: "telemetry on", env: exporting },
  {
    key: "sampled",
    label: "traces 10% sampled",
    env: { ...exporting, OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.1" },
  },
  { key: "spanless", label: "no spans recorded", env: { ...exporting, OTEL_TRACES_SAMPLER: "always_off" } },
] as const;
type Side = (typeof SIDES)[number]["key"];

/** A Fisher-Yates shuffle seeded by `seed` (mulberry32): every run drives the same orders. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}

interface Started {
  side: Side;
  service: Awaited<ReturnType<typeof startService>>;
  /** This process's result in each round. */
  rounds: RoundResult[];
}
const started: Started[] = [];
let pinned = pin(process.pid, 0);
try {
  for (const side of SIDES) {
    for (let copy = 1; copy <= PROCESSES_PER_SIDE; copy++) {
      const service = await startService("back-service", {
        // A sampler is set only where a side asks for one: the machine's own does not leak in.
        OTEL_TRACES_SAMPLER: "parentbased_always_on",
        ...common,
        ...side.env,
        OTEL_SERVICE_NAME: `bench-${side.key}-${String(copy)}`,
      });
      started.push({ side: side.key, service, rounds: [] });
      pinned = pin(service.child.pid ?? 0, 1) && pinned;
    }
  }
  for (const { service } of started) await drive(service, WARMUP_MS);
  for (let round = 0; round < ROUNDS; round++) {
    // A new order every round, so neither a drift of the machine's speed nor the service that ran
    // just before favours a side.
    for (const instance of shuffled(started, round)) {
      instance.rounds.push(await drive(instance.service, ROUND_MS));
    }
  }
} finally {
  await Promise.allSettled(started.map(({ service }) => service.stop()));
  receiver.close();
}

/** A side's round: the mean of its processes' rounds (the worst of their percentiles). */
function sideRound(processes: Started[], round: number): RoundResult {
  const results = processes.flatMap((instance) => instance.rounds[round] ?? []);
  const mean = (of: (result: RoundResult) => number) =>
    results.reduce((sum, result) => sum + of(result), 0) / results.length;
  return {
    requests: mean((result) => result.requests),
    failures: mean((result) => result.failures),
    perSecond: mean((result) => result.perSecond),
    p50: Math.max(...results.map((result) => result.p50)),
    p95: Math.max(...results.map((result) => result.p95)),
    p99: Math.max(...results.map((result) => result.p99)),
    cpuSeconds: mean((result) => result.cpuSeconds),
  };
}
const processesOf = (side: Side) => started.filter((instance) => instance.side === side);
const totals = Object.fromEntries(
  SIDES.map(({ key }) => [
    key,
    Array.from({ length: ROUNDS }, (_, round) => sideRound(processesOf(key), round)),
  ]),
) as Record<Side, RoundResult[]>;

const summarize = (results: RoundResult[]) => ({
  perSecond: results.reduce((sum, r) => sum + r.perSecond, 0) / results.length,
  p50: Math.max(...results.map((r) => r.p50)),
  p95: Math.max(...results.map((r) => r.p95)),
});
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
/** Per-round ratios of a side to "off" in the same round. */
const paired = (side: Side, of: (round: RoundResult) => number) =>
  totals[side].map((round, i) => of(round) / of(totals.off[i] ?? round));
const perCpuSecond = (round: RoundResult) => round.requests / Math.max(round.cpuSeconds, 0.01);
const cpuPerRequest = (results: RoundResult[]) => {
  return (
    (1e6 * results.reduce((sum, r) => sum + r.cpuSeconds, 0)) /
    results.reduce((sum, r) => sum + r.requests, 0)
  );
};
const list = (values: number[]) => values.map((r) => r.toFixed(3)).join(", ");
const line = (label: string, s: ReturnType<typeof summarize>) =>
  `${label.padEnd(18)} ${s.perSecond.toFixed(0).padStart(6)} req/s   p50 ${s.p50.toFixed(2)} ms   p95 ${s.p95.toFixed(2)} ms`;
console.log(
  `tRPC ping, concurrency ${String(CONCURRENCY)}, ${String(ROUNDS)} x ${String(ROUND_MS)} ms rounds each, ` +
    `${String(PROCESSES_PER_SIDE)} processes per side` +
    (pinned ? ", services on CPU 1, load on CPU 0" : " (taskset unavailable: processes share cores)"),
);
for (const side of SIDES) console.log(line(side.label, summarize(totals[side.key])));
console.log(`OTLP exported while on, sampled and spanless: ${(exported / 1024 / 1024).toFixed(1)} MiB`);
const micros = (side: Side) => cpuPerRequest(totals[side]).toFixed(0);
console.log(
  `service CPU per request: on ${micros("on")} µs, off ${micros("off")} µs, ` +
    `sampled ${micros("sampled")} µs, spanless ${micros("spanless")} µs`,
);
console.log(
  `per process: ${SIDES.map(
    ({ key }) =>
      `${key} ${processesOf(key)
        .map((instance) => cpuPerRequest(instance.rounds).toFixed(0))
        .join(" / ")} µs`,
  ).join(", ")}`,
);
const cpuRatios = paired("on", perCpuSecond);
console.log(
  `requests per CPU-second ratio on/off: ${median(cpuRatios).toFixed(3)} (per round: ${list(cpuRatios)})`,
);
const ratios = paired("on", (round) => round.perSecond);
console.log(`per-round ratios: ${list(ratios)}`);
for (const { key: side, label } of SIDES.filter(({ key }) => key === "sampled" || key === "spanless")) {
  const sideRatios = paired(side, (round) => round.perSecond);
  console.log(
    `throughput ratio ${label}/off: ${median(sideRatios).toFixed(3)} ` +
      `(per CPU-second ${median(paired(side, perCpuSecond)).toFixed(3)}; per round: ${list(sideRatios)})`,
  );
}
console.log(`throughput ratio on/off: ${median(ratios).toFixed(3)} (target >= 0.85)`);
