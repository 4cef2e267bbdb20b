// The telemetry package's own bench (packages/telemetry/bench/trpc-overhead.ts: a bare tRPC call
// with telemetry on vs off, service and load pinned to separate cores) run as a child process,
// its printed numbers folded into this report.
import path from "node:path";
import { runChild } from "./child-process.ts";
import type { Figure } from "./report.ts";
import { notMeasured } from "./report.ts";

const SECTION = "tRPC overhead";

export interface TrpcOverheadNumbers {
  settings: string;
  on: { perSecond: number; p50: number; p95: number };
  off: { perSecond: number; p50: number; p95: number };
  ratio: number;
  /** The service's CPU per request and the on/off ratio of requests per CPU-second, when printed. */
  cpu?: { onMicros: number; offMicros: number; ratio: number };
  /** Telemetry on with traces head-sampled at 10%, and with no span recorded, when printed. */
  partial?: PartialSide[];
}

export interface PartialSide {
  label: string;
  /** Median per-round throughput ratio to "off", and the same per CPU-second. */
  ratio: number;
  cpuRatio: number;
}

/** Reads the bench's printout; undefined when it does not have the expected lines. */
export function parseTrpcOverhead(output: string): TrpcOverheadNumbers | undefined {
  const side = (label: string) => {
    const match = new RegExp(`^${label}\\s+(\\d+) req/s\\s+p50 ([\\d.]+) ms\\s+p95 ([\\d.]+) ms`, "m").exec(
      output,
    );
    return match ? { perSecond: Number(match[1]), p50: Number(match[2]), p95: Number(match[3]) } : undefined;
  };
  const on = side("telemetry on");
  const off = side("telemetry off");
  const ratio = /throughput ratio on\/off: ([\d.]+)/.exec(output)?.[1];
  const settings = /^tRPC ping, .*$/m.exec(output)?.[0] ?? "";
  if (!on || !off || ratio === undefined) return undefined;
  const perRequest = /^service CPU per request: on (\d+) µs, off (\d+) µs/m.exec(output);
  const cpuRatio = /^requests per CPU-second ratio on\/off: ([\d.]+)/m.exec(output)?.[1];
  const cpu =
    perRequest && cpuRatio !== undefined
      ? { onMicros: Number(perRequest[1]), offMicros: Number(perRequest[2]), ratio: Number(cpuRatio) }
      : undefined;
  const partial = [
    ...output.matchAll(/^throughput ratio (.+)\/off: ([\d.]+) \(per CPU-second ([\d.]+)/gm),
  ].flatMap(([, label, sideRatio, cpuRatio]) =>
    label === undefined ? [] : [{ label, ratio: Number(sideRatio), cpuRatio: Number(cpuRatio) }],
  );
  return {
    settings,
    on,
    off,
    ratio: Number(ratio),
    ...(cpu ? { cpu } : {}),
    ...(partial.length > 0 ? { partial } : {}),
  };
}

export async function trpcOverheadBench(options: {
  repoRoot: string;
  env: Record<string, string>;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const telemetry = path.join(options.repoRoot, "packages/telemetry");
  const { code, output } = await runChild({
    command: process.execPath,
    args: [path.join(telemetry, "bench/trpc-overhead.ts")],
    cwd: telemetry,
    env: options.env,
    timeoutMs: 300_000,
  });
  const numbers = code === 0 ? parseTrpcOverhead(output) : undefined;
  if (!numbers) {
    const reason = `packages/telemetry/bench/trpc-overhead.ts ${code === "timeout" ? "timed out" : `exited ${String(code)}`}: ${output.slice(-500)}`;
    return { figures: [notMeasured(SECTION, "throughput ratio on/off", "ratio", reason)], details: {} };
  }
  const how = `packages/telemetry/bench/trpc-overhead.ts (${numbers.settings}); a bare tRPC ping service`;
  const cpuHow = `${how}; the service's user + system CPU time (/proc) over the calls it answered`;
  return {
    figures: [
      { section: SECTION, name: "telemetry on: throughput", value: numbers.on.perSecond, unit: "req/s", how },
      {
        section: SECTION,
        name: "telemetry off: throughput",
        value: numbers.off.perSecond,
        unit: "req/s",
        how,
      },
      {
        section: SECTION,
        name: "throughput ratio on/off",
        value: numbers.ratio,
        unit: "ratio",
        how: `${how}; median of per-round ratios`,
      },
      ...(numbers.cpu
        ? [
            {
              section: SECTION,
              name: "service CPU per call, telemetry on",
              value: numbers.cpu.onMicros,
              unit: "µs",
              how: cpuHow,
            },
            {
              section: SECTION,
              name: "service CPU per call, telemetry off",
              value: numbers.cpu.offMicros,
              unit: "µs",
              how: cpuHow,
            },
            {
              section: SECTION,
              name: "requests per CPU-second ratio on/off",
              value: numbers.cpu.ratio,
              unit: "ratio",
              how: `${how}; median of per-round ratios; the capacity ratio of a saturated core, unaffected by the load generator`,
            },
          ]
        : []),
      ...(numbers.partial ?? []).map((side) => ({
        section: SECTION,
        name: `throughput ratio ${side.label}/off`,
        value: side.ratio,
        unit: "ratio",
        how: `${how}; median of per-round ratios (per CPU-second: ${side.cpuRatio.toFixed(3)}); telemetry on with OTEL_TRACES_SAMPLER parentbased_traceidratio (ARG 0.1) for 10% sampled, always_off for no spans`,
      })),
    ],
    details: { ...numbers, output: output },
  };
}
