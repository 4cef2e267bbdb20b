// What a bench run produces: figures (one number each, with its unit and how it was measured),
// the machine it ran on, and when. Written as JSON (for tools) and Markdown (for people) under
// .bench-results/, and printed as a table. Nothing here judges the numbers: the machine is noisy,
// and the report is what people compare between runs.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MachineInfo } from "./machine.ts";
import { formatNumber, markdownTable, textTable } from "./table.ts";

export interface Figure {
  section: string;
  name: string;
  /** null: not measured (the reason is in `how`). */
  value: number | null;
  unit: string;
  how: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  settings: Record<string, unknown>;
  figures: Figure[];
  /** Raw numbers behind the figures (rounds, per-process memory, ...), by section. */
  details: Record<string, unknown>;
  warnings: string[];
}

export function notMeasured(section: string, name: string, unit: string, reason: string): Figure {
  return { section, name, value: null, unit, how: `not measured: ${reason}` };
}

/** Each distinct "how" once, numbered in order of first use; figures point at their note. */
function notes(figures: readonly Figure[]): { numberOf: (figure: Figure) => number; list: string[] } {
  const list: string[] = [];
  for (const figure of figures) if (!list.includes(figure.how)) list.push(figure.how);
  return { numberOf: (figure) => list.indexOf(figure.how) + 1, list };
}

function rows(figures: readonly Figure[], numberOf: (figure: Figure) => number): string[][] {
  return figures.map((figure, i) => [
    i > 0 && figures[i - 1]?.section === figure.section ? "" : figure.section,
    figure.name,
    figure.value === null ? "-" : formatNumber(figure.value),
    figure.unit,
    `[${String(numberOf(figure))}]`,
  ]);
}

const HEADER = ["section", "figure", "value", "unit", "how"];

/** The terminal's summary: the table, then how each figure was measured. */
export function summaryText(report: BenchReport): string {
  const { numberOf, list } = notes(report.figures);
  const table = textTable(HEADER, rows(report.figures, numberOf));
  const how = list.map((note, i) => `  [${String(i + 1)}] ${note}`);
  return [
    `Whole-system bench, ${report.startedAt} to ${report.finishedAt}`,
    machineLine(report.machine),
    "",
    table,
    "",
    "How each figure was measured:",
    ...how,
    ...(report.warnings.length > 0 ? ["", "Warnings:", ...report.warnings.map((w) => `  ${w}`)] : []),
  ].join("\n");
}

export function machineLine(machine: MachineInfo): string {
  return (
    `${machine.cpuModel} x ${String(machine.cpuCount)}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `${machine.platform}, Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}, ` +
    `Chromium ${machine.chromium}, load average ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")} at start`
  );
}

export function markdownReport(report: BenchReport): string {
  const { numberOf, list } = notes(report.figures);
  return [
    "# Whole-system bench",
    "",
    `Started ${report.startedAt}, finished ${report.finishedAt}.`,
    "",
    `Machine: ${machineLine(report.machine)}.`,
    "",
    "Results are not judged: compare them with earlier runs on the same machine.",
    "",
    markdownTable(HEADER, rows(report.figures, numberOf)),
    "",
    "How each figure was measured:",
    "",
    ...list.map((note, i) => `${String(i + 1)}. ${note.replaceAll("\n", " ")}`),
    "",
    "## Settings",
    "",
    "```json",
    JSON.stringify(report.settings, null, 2),
    "```",
    ...(report.warnings.length > 0 ? ["", "## Warnings", "", ...report.warnings.map((w) => `- ${w}`)] : []),
    "",
  ].join("\n");
}

/** `system-<timestamp>.json` and `.md` in `dir` (created if missing); returns both paths. */
export async function writeReport(
  dir: string,
  report: BenchReport,
): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const json = path.join(dir, `system-${stamp}.json`);
  const markdown = path.join(dir, `system-${stamp}.md`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, markdownReport(report));
  return { json, markdown };
}
