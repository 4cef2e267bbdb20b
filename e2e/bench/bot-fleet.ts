// npm run bench (bots part): what one machine's browser fleet can do. The fleet runs in this
// process against the whole shop (started like the browser tests start it), asked for more than
// it can do so it runs flat out, with a fixed number of sessions and brisk think times (x0.2).
// After a warm-up it measures, for MEASURE_SECONDS:
//   actions/min per core  user actions done per minute / CPU cores the fleet used (this process
//                         plus its Chromium processes, from /proc: the shop's own CPU is not counted)
//   MB per session        (Chromium's PSS during the run - Chromium's PSS with no session open)
//                         / sessions open, sampled every 2 s
//   node bench/bot-fleet.ts [--sessions 6] [--seconds 60]
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { FleetMetrics } from "../bots/fleet-metrics.ts";
import { FleetRunner } from "../bots/fleet-runner.ts";
import { DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS } from "../bots/personas.ts";
import { cpuSeconds, descendantsOf, executable, pssBytes } from "@shop/load/process-tree";
import { launchShop } from "./shop.ts";

const { values } = parseArgs({ options: { sessions: { type: "string" }, seconds: { type: "string" } } });
const SESSIONS = Number(values.sessions ?? 6);
const MEASURE_SECONDS = Number(values.seconds ?? 60);
const WARMUP_SECONDS = 20;
const TARGETS = { actionsPerMinutePerCore: 60, mbPerSession: 100 };
const reportPath = path.resolve(import.meta.dirname, "../../.bench-results/bot-fleet.json");

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The Chromium processes among this process's descendants (not the shop the bench started). */
function chromiumDescendantsOf(root: number): number[] {
  return descendantsOf(root).filter((pid) => executable(pid).includes("chrom"));
}

function fleetCpuSeconds(): number {
  const own = process.cpuUsage();
  return (
    (own.user + own.system) / 1e6 +
    chromiumDescendantsOf(process.pid).reduce((sum, pid) => sum + cpuSeconds(pid), 0)
  );
}

function chromiumPss(): number {
  return chromiumDescendantsOf(process.pid).reduce((sum, pid) => sum + pssBytes(pid), 0);
}

const shop = await launchShop("shop_bench_bots");
let fleet: FleetRunner | undefined;
try {
  const urls = await shop.ready;
  console.log(
    `shop ready in ${urls.startSeconds.toFixed(1)} s; fleet of ${String(SESSIONS)} sessions, flat out`,
  );
  const metrics = new FleetMetrics();
  fleet = new FleetRunner({
    baseUrl: urls.webUrl,
    shape: { kind: "steady", perMinute: 0 },
    maxSessions: SESSIONS,
    journeyWeights: DEFAULT_JOURNEY_WEIGHTS,
    personaWeights: DEFAULT_PERSONA_WEIGHTS,
    thinkScale: 0.2,
    metrics,
    log: (level, message) => {
      if (level !== "info") console.log(`  bots ${level}: ${message}`);
    },
  });
  fleet.start();
  // The browser alone, no session open: the baseline the sessions' memory is measured above.
  await sleep(5_000);
  const baselinePss = chromiumPss();
  fleet.setShape({ kind: "steady", perMinute: 10_000 });
  console.log(`warming up ${String(WARMUP_SECONDS)} s...`);
  await sleep(WARMUP_SECONDS * 1000);

  const startActions = metrics.stats().actions.total;
  const startCpu = fleetCpuSeconds();
  const started = performance.now();
  const samples: { pss: number; sessions: number }[] = [];
  while (performance.now() - started < MEASURE_SECONDS * 1000) {
    await sleep(2_000);
    samples.push({ pss: chromiumPss(), sessions: metrics.stats().concurrency });
    const done = metrics.stats().actions.total - startActions;
    process.stdout.write(
      `\r  measuring: ${String(Math.round((performance.now() - started) / 1000))} s, ${String(done)} actions`,
    );
  }
  process.stdout.write("\n");
  const wallSeconds = (performance.now() - started) / 1000;
  const actions = metrics.stats().actions.total - startActions;
  const coresUsed = (fleetCpuSeconds() - startCpu) / wallSeconds;
  const perMinute = (actions / wallSeconds) * 60;
  const meanPss = samples.reduce((sum, sample) => sum + sample.pss, 0) / samples.length;
  const meanSessions = samples.reduce((sum, sample) => sum + sample.sessions, 0) / samples.length;
  const mbPerSession = (meanPss - baselinePss) / Math.max(1, meanSessions) / 1e6;
  const stats = metrics.stats();
  const result = {
    bench: "bot-fleet",
    finishedAt: new Date().toISOString(),
    machine: {
      cpuModel: os.cpus()[0]?.model ?? "",
      cpuCount: os.cpus().length,
      totalMemoryBytes: os.totalmem(),
      node: process.version,
    },
    settings: {
      sessions: SESSIONS,
      measureSeconds: MEASURE_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      thinkScale: 0.2,
    },
    actions,
    actionsPerMinute: perMinute,
    coresUsed,
    actionsPerMinutePerCore: perMinute / coresUsed,
    baselineBrowserMb: baselinePss / 1e6,
    meanChromiumMb: meanPss / 1e6,
    meanSessions,
    mbPerSession,
    failedSessions: stats.sessions.total.failed,
    errors: stats.errors.byKind,
    targets: TARGETS,
  };
  await mkdir(path.dirname(reportPath), { recursive: true });
  await writeFile(reportPath, JSON.stringify(result, null, 2));
  const verdict = (ok: boolean) => (ok ? "target met" : "target missed");
  console.log(`
Bot fleet, ${String(SESSIONS)} sessions flat out (think time x0.2), ${wallSeconds.toFixed(0)} s after a ${String(WARMUP_SECONDS)} s warm-up,
${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, the whole shop on the same machine:
  actions/min             ${perMinute.toFixed(1)} (${String(actions)} actions; ${String(stats.sessions.total.failed)} failed sessions)
  CPU used by the fleet   ${coresUsed.toFixed(2)} cores (this process + its Chromium)
  actions/min per core    ${(perMinute / coresUsed).toFixed(1)}   >= ${String(TARGETS.actionsPerMinutePerCore)}: ${verdict(perMinute / coresUsed >= TARGETS.actionsPerMinutePerCore)}
  Chromium PSS            ${(baselinePss / 1e6).toFixed(0)} MB idle, ${(meanPss / 1e6).toFixed(0)} MB with ${meanSessions.toFixed(1)} sessions open
  MB per session          ${mbPerSession.toFixed(1)}   <= ${String(TARGETS.mbPerSession)}: ${verdict(mbPerSession <= TARGETS.mbPerSession)}
report: ${reportPath}`);
} finally {
  await fleet?.stop();
  await shop.stop();
}
