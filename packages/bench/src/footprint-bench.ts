// Footprint and bots. The demo's own bot fleet is started beside the shop (as `npm run demo`
// starts it, with its Chromium) with at most N browser sessions, and driven through its control
// port:
//   1. no traffic: the browser alone, the baseline a session's memory is measured above;
//   2. normal day (45 actions/min, the middle of the brief's 30-60) once N sessions are open:
//      the total RSS of every process of the demo, sampled every 2 s, by part;
//   3. flat out (far more than N sessions can do): actions/min per CPU core the fleet used (its
//      Node process + Chromium, from /proc; the shop's CPU is not counted) and MB per session
//      (Chromium's PSS above the baseline / sessions open).
import path from "node:path";
import { freePortBlock } from "@shop/service-kit/testing";
import pg from "pg";
import { startChild } from "./child-process.ts";
import type { BenchChild } from "./child-process.ts";
import { componentOf } from "./demo-components.ts";
import { commandLine, cpuSeconds, descendantsOf, pssBytes, rssBytes } from "@shop/load/process-tree";
import type { Figure } from "./report.ts";
import { mean } from "./stats.ts";

const NORMAL_DAY_PER_MINUTE = 45;
const FLAT_OUT_PER_MINUTE = 10_000;
const SAMPLE_MS = 2_000;
const MB = 1e6;

interface FleetStats {
  concurrency: number;
  actions: { total: number };
  sessions: { total: { failed: number } };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fleetStats(controlUrl: string): Promise<FleetStats> {
  const response = await fetch(`${controlUrl}/stats`);
  if (!response.ok) throw new Error(`bots /stats: HTTP ${String(response.status)}`);
  return (await response.json()) as FleetStats;
}

async function setRate(controlUrl: string, rate: number) {
  const response = await fetch(`${controlUrl}/control`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rate }),
  });
  if (!response.ok)
    throw new Error(`bots /control: HTTP ${String(response.status)} ${await response.text()}`);
}

/** The system PostgreSQL's backends serving this database (it is shared: its postmaster is not counted). */
async function databaseBackends(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

function chromiumPids(bots: BenchChild): number[] {
  return descendantsOf(bots.child.pid ?? 0).filter((pid) =>
    componentOf(commandLine(pid)).includes("Chromium"),
  );
}

function fleetPids(bots: BenchChild): number[] {
  return [bots.child.pid ?? 0, ...descendantsOf(bots.child.pid ?? 0)];
}

async function waitForSessions(controlUrl: string, sessions: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fleetStats(controlUrl)).concurrency >= sessions) return true;
    await sleep(500);
  }
  return false;
}

export async function footprintBench(options: {
  repoRoot: string;
  env: Record<string, string>;
  webUrl: string;
  sinkUrl: string;
  databaseUrl: string;
  demoPid: number;
  chromiumPath: string;
  sessions: number;
  footprintSeconds: number;
  botsSeconds: number;
  progress: (line: string) => void;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const port = await freePortBlock();
  const controlUrl = `http://127.0.0.1:${String(port)}`;
  const bots = startChild({
    command: process.execPath,
    args: [
      "--import",
      "@shop/telemetry/register",
      path.join(options.repoRoot, "e2e/bots/cli.ts"),
      "--url",
      options.webUrl,
      "--rate",
      "0",
      "--max-sessions",
      String(options.sessions),
      "--port",
      String(port),
    ],
    cwd: path.join(options.repoRoot, "e2e"),
    env: {
      ...options.env,
      OTEL_SERVICE_NAME: "bots",
      OTEL_EXPORTER_OTLP_ENDPOINT: options.sinkUrl,
      CHROMIUM_PATH: options.chromiumPath,
    },
  });
  try {
    await bots.waitFor("bots shopping at", 60_000);
    // The browser starts with the fleet; give it a moment to settle before reading its baseline.
    await sleep(5_000);
    const baselinePss = chromiumPids(bots).reduce((sum, pid) => sum + pssBytes(pid), 0);

    await setRate(controlUrl, NORMAL_DAY_PER_MINUTE);
    options.progress(
      `  footprint: normal day (${String(NORMAL_DAY_PER_MINUTE)} actions/min), waiting for ${String(options.sessions)} sessions...`,
    );
    const reached = await waitForSessions(controlUrl, options.sessions, 120_000);
    const byComponent = new Map<string, number[]>();
    const totals: number[] = [];
    const sessionsSeen: number[] = [];
    for (let elapsed = 0; elapsed < options.footprintSeconds * 1000; elapsed += SAMPLE_MS) {
      await sleep(SAMPLE_MS);
      const pids = new Set([
        options.demoPid,
        ...descendantsOf(options.demoPid),
        ...fleetPids(bots),
        ...(await databaseBackends(options.databaseUrl)),
      ]);
      const sample = new Map<string, number>();
      for (const pid of pids) {
        const component = componentOf(commandLine(pid));
        sample.set(component, (sample.get(component) ?? 0) + rssBytes(pid));
      }
      for (const [component, bytes] of sample)
        byComponent.set(component, [...(byComponent.get(component) ?? []), bytes]);
      totals.push([...sample.values()].reduce((sum, bytes) => sum + bytes, 0));
      sessionsSeen.push((await fleetStats(controlUrl)).concurrency);
    }
    const footprintMb = mean(totals) / MB;
    const parts = Object.fromEntries(
      [...byComponent]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([component, samples]) => [component, mean(samples) / MB]),
    );
    options.progress(`  footprint: ${footprintMb.toFixed(0)} MB RSS in total`);

    await setRate(controlUrl, FLAT_OUT_PER_MINUTE);
    options.progress(
      `  bots: flat out with ${String(options.sessions)} sessions, ${String(options.botsSeconds)} s...`,
    );
    await waitForSessions(controlUrl, options.sessions, 60_000);
    const cpuOf = () => fleetPids(bots).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const startStats = await fleetStats(controlUrl);
    // CPU of processes that exit during the window (a renderer per closed session) is lost; the
    // fleet reuses one browser, so that is a small under-count, noted in the report.
    const startCpu = cpuOf();
    const started = performance.now();
    const pssSamples: number[] = [];
    const concurrency: number[] = [];
    while (performance.now() - started < options.botsSeconds * 1000) {
      await sleep(SAMPLE_MS);
      pssSamples.push(chromiumPids(bots).reduce((sum, pid) => sum + pssBytes(pid), 0));
      concurrency.push((await fleetStats(controlUrl)).concurrency);
    }
    const wallSeconds = (performance.now() - started) / 1000;
    const endStats = await fleetStats(controlUrl);
    const coresUsed = (cpuOf() - startCpu) / wallSeconds;
    const actions = endStats.actions.total - startStats.actions.total;
    const perMinute = (actions / wallSeconds) * 60;
    const meanSessions = mean(concurrency);
    const mbPerSession = (mean(pssSamples) - baselinePss) / Math.max(1, meanSessions) / MB;

    const footprintHow =
      `mean over ${String(totals.length)} samples (every 2 s) of the summed RSS (/proc/<pid>/status VmRSS) of the demo's ` +
      `process tree (services, storefront, sink, Redis), the bots (Node + Chromium) and the system PostgreSQL's ` +
      `backends for the demo's database, at ${String(NORMAL_DAY_PER_MINUTE)} bot actions/min with ` +
      `${mean(sessionsSeen).toFixed(1)} sessions open on average (at most ${String(options.sessions)}` +
      `${reached ? "" : "; never all open"}); RSS counts shared pages once per process`;
    const figures: Figure[] = [
      {
        section: "footprint",
        name: "total RSS at normal-day traffic",
        value: footprintMb,
        unit: "MB",
        how: footprintHow,
      },
      ...Object.entries(parts).map(([component, mb]) => ({
        section: "footprint",
        name: component,
        value: mb,
        unit: "MB",
        how: "mean RSS of this part's processes over the same samples",
      })),
    ];
    figures.push(
      {
        section: "bots",
        name: "actions/min per core",
        value: coresUsed > 0 ? perMinute / coresUsed : null,
        unit: "actions/min/core",
        how:
          `${String(actions)} actions in ${wallSeconds.toFixed(0)} s flat out (${perMinute.toFixed(0)}/min) / ` +
          `${coresUsed.toFixed(2)} cores used by the fleet (its Node process + Chromium, /proc CPU time), ` +
          `at most ${String(options.sessions)} sessions, default think times, the whole shop on the same machine`,
      },
      {
        section: "bots",
        name: "MB per concurrent session",
        value: mbPerSession,
        unit: "MB",
        how:
          `(mean Chromium PSS flat out ${(mean(pssSamples) / MB).toFixed(0)} MB - idle browser ` +
          `${(baselinePss / MB).toFixed(0)} MB) / ${meanSessions.toFixed(1)} sessions open on average`,
      },
    );
    return {
      figures,
      details: {
        footprint: {
          totalMb: footprintMb,
          parts,
          samples: totals.length,
          sessions: sessionsSeen,
          allSessionsOpen: reached,
        },
        bots: {
          actions,
          wallSeconds,
          perMinute,
          coresUsed,
          baselineChromiumMb: baselinePss / MB,
          meanChromiumMb: mean(pssSamples) / MB,
          meanSessions,
          mbPerSession,
          failedSessions: endStats.sessions.total.failed - startStats.sessions.total.failed,
        },
      },
    };
  } finally {
    await bots.stop();
  }
}
