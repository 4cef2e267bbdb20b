// Storefront throughput and latency with telemetry on and off, in the same run: autocannon at a
// fixed number of connections against the product page and the catalog API, alternating between
// the demo's storefront (telemetry on, exporting to the sink) and a second storefront with the SDK
// disabled, round by round, so a slow spell of the machine hits both sides alike. Both use the
// same services, whose telemetry stays on: the ratio is the storefront's own telemetry cost.
import { httpRound } from "./http-load.ts";
import type { HttpRound } from "./http-load.ts";
import type { Figure } from "./report.ts";
import { mean, pairedRatio, percentiles } from "./stats.ts";

const SECTION = "storefront";

export interface ThroughputTarget {
  label: string;
  /** Path and query, the same on both storefronts. */
  path: string;
}

interface Side {
  rounds: HttpRound[];
}

function summarize(side: Side) {
  const latency = percentiles(side.rounds.flatMap((round) => round.latencies));
  return {
    perSecond: mean(side.rounds.map((round) => round.perSecond)),
    latency,
    non2xx: side.rounds.reduce((sum, round) => sum + round.non2xx, 0),
    errors: side.rounds.reduce((sum, round) => sum + round.errors, 0),
  };
}

export async function throughputBench(options: {
  onUrl: string;
  offUrl: string;
  targets: ThroughputTarget[];
  rounds: number;
  seconds: number;
  connections: number;
  progress: (line: string) => void;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const settings = `autocannon, ${String(options.connections)} connections, ${String(options.rounds)} rounds of ${String(options.seconds)} s per side, alternating on/off after a 3 s warm-up of each`;
  for (const target of options.targets) {
    const on: Side = { rounds: [] };
    const off: Side = { rounds: [] };
    for (const base of [options.onUrl, options.offUrl]) {
      await httpRound({ url: base + target.path, connections: options.connections, seconds: 3 });
    }
    for (let round = 0; round < options.rounds; round++) {
      // Who goes first alternates too: neither side always runs right after the other's load.
      const order =
        round % 2 === 0
          ? ([
              ["on", on, options.onUrl],
              ["off", off, options.offUrl],
            ] as const)
          : ([
              ["off", off, options.offUrl],
              ["on", on, options.onUrl],
            ] as const);
      for (const [name, side, base] of order) {
        const result = await httpRound({
          url: base + target.path,
          connections: options.connections,
          seconds: options.seconds,
        });
        side.rounds.push(result);
        options.progress(
          `  ${target.label}, telemetry ${name}, round ${String(round + 1)}/${String(options.rounds)}: ` +
            `${result.perSecond.toFixed(0)} req/s, p95 ${result.latencyMs.p95.toFixed(0)} ms` +
            (result.non2xx + result.errors > 0 ? `, ${String(result.non2xx + result.errors)} not 2xx` : ""),
        );
      }
    }
    const onSummary = summarize(on);
    const offSummary = summarize(off);
    const ratio = pairedRatio(
      on.rounds.map((round) => round.perSecond),
      off.rounds.map((round) => round.perSecond),
    );
    const how = `GET ${target.path}; ${settings}; latency percentiles over every response of the side's rounds`;
    for (const [name, summary] of [
      ["telemetry on", onSummary],
      ["telemetry off", offSummary],
    ] as const) {
      figures.push(
        {
          section: SECTION,
          name: `${target.label}, ${name}: throughput`,
          value: summary.perSecond,
          unit: "req/s",
          how,
        },
        {
          section: SECTION,
          name: `${target.label}, ${name}: p50`,
          value: summary.latency.p50,
          unit: "ms",
          how,
        },
        {
          section: SECTION,
          name: `${target.label}, ${name}: p95`,
          value: summary.latency.p95,
          unit: "ms",
          how,
        },
        {
          section: SECTION,
          name: `${target.label}, ${name}: p99`,
          value: summary.latency.p99,
          unit: "ms",
          how,
        },
      );
    }
    figures.push({
      section: SECTION,
      name: `${target.label}: throughput ratio on/off`,
      value: ratio,
      unit: "ratio",
      how: "median of the per-round ratios (round i on / round i off)",
    });
    details[target.label] = {
      path: target.path,
      on: { ...onSummary, rounds: on.rounds.map(({ latencies: _latencies, ...round }) => round) },
      off: { ...offSummary, rounds: off.rounds.map(({ latencies: _latencies, ...round }) => round) },
      ratio,
    };
  }
  return { figures, details };
}
