// The chaos run's report: a table on the terminal, and JSON + Markdown files under the repo's
// ignored .bench-results/ folder (beside the benchmark reports), with the machine it ran on.
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import type { ChaosReport } from "./chaos-run.ts";
import { invariantsHold } from "./invariants.ts";

const repoRoot = path.resolve(import.meta.dirname, "..", "..", "..");

function seconds(ms: number | undefined) {
  return ms === undefined ? "never" : `${(ms / 1000).toFixed(1)} s`;
}

export function chaosMarkdown(report: ChaosReport): string {
  const lines = [
    `# Chaos run (${report.plan}), ${report.startedAt}`,
    "",
    `Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${String(cpus().length)} cores, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}. ` +
      `Took ${String(report.durationSeconds)} s; ${String(report.shopperRequests)} shopper requests.`,
    "",
    "Each fault is measured from the ledger shoppers' side (browse, add to cart, check out through the storefront): " +
      "error burst = first to last failed request after the fault; recovery = fault to the first of 5 successes in a row; " +
      "restart = kill to the restarted service's /readyz.",
    "",
    "| fault | failed / requests | error burst | recovery | restart |",
    "|---|---|---|---|---|",
    ...report.faults.map(
      (fault) =>
        `| ${fault.fault} | ${String(fault.failures)} / ${String(fault.requests)} | ${seconds(fault.errorBurstMs)} | ${seconds(fault.recoveryMs)} | ${fault.restartedMs === undefined ? "-" : seconds(fault.restartedMs)} |`,
    ),
    "",
  ];
  if (report.cartsSurvivedRedisRestart !== undefined) {
    lines.push(
      `Carts across a Redis restart (append-only file, fsync every second): ${report.cartsSurvivedRedisRestart ? "kept" : "LOST"}.`,
      "",
    );
  }
  const slow = report.slowDatabase;
  if (slow) {
    lines.push(
      "Slow database (db.pool_exhaustion + cache.disabled, 40 concurrent catalog readers for 20 s): " +
        `${String(slow.requests)} requests, ${String(slow.ok)} answered, ${String(slow.shed503)} shed with 503 ` +
        `(${String(slow.shedWithRetryAfter)} with Retry-After), ${String(slow.otherErrors)} other errors; ` +
        `latency p50 ${String(slow.p50Ms)} ms, p99 ${String(slow.p99Ms)} ms, max ${String(slow.maxMs)} ms; ` +
        `catalog RSS ${String(slow.rssBeforeMb)} MB before, ${String(slow.rssPeakMb)} MB peak, ${String(slow.rssAfterMb)} MB after; ` +
        `normal again ${seconds(slow.recoveredMs)} after the flag was cleared.`,
      "",
    );
  }
  const inv = report.invariants;
  lines.push(
    `Invariants (${invariantsHold(inv) ? "all hold" : "BROKEN"}): ${String(inv.acknowledged)} acknowledged orders, ` +
      `${String(inv.lost.length)} lost, ${String(inv.duplicated.length)} duplicated, ${String(inv.chargedWithoutOrder)} charges without an order, ` +
      `${String(inv.oversold.length)} products oversold, ${String(inv.stuckReservations)} reservations stuck past expiry` +
      `${report.sweptInTime ? "" : " (the sweeper did not catch up in 30 s)"}, ${String(inv.reservedMismatch.length)} products whose reserved count disagrees with their reservations. ` +
      `${String(report.unknownOutcomes)} checkout attempts never got an answer (${String(inv.unsettledAttempts)} of them left a charge without an order); ` +
      `${String(inv.unlinkedPayments)} placed orders whose capture is not linked to them yet.`,
  );
  return lines.join("\n");
}

export async function writeChaosReport(report: ChaosReport): Promise<{ json: string; markdown: string }> {
  const folder = path.join(repoRoot, ".bench-results");
  await mkdir(folder, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const json = path.join(folder, `chaos-${report.plan}-${stamp}.json`);
  const markdown = path.join(folder, `chaos-${report.plan}-${stamp}.md`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, `${chaosMarkdown(report)}\n`);
  return { json, markdown };
}
