import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BenchReport } from "./report.ts";
import { markdownReport, notMeasured, summaryText, writeReport } from "./report.ts";

const report: BenchReport = {
  startedAt: "2026-11-26T09:00:00.000Z",
  finishedAt: "2026-11-26T09:10:00.000Z",
  machine: {
    platform: "linux 6.1 x64",
    cpuModel: "Test CPU",
    cpuCount: 2,
    totalMemoryBytes: 8 * 2 ** 30,
    node: "v24.21.0",
    postgres: "17.2",
    redis: "7.4.1",
    chromium: "Chromium 140",
    loadAverageAtStart: [0.5, 0.25, 0.1],
  },
  settings: { httpRounds: 3 },
  figures: [
    { section: "checkout", name: "placeOrder p50", value: 120.4, unit: "ms", how: "8 shoppers" },
    { section: "checkout", name: "placeOrder p95", value: 310, unit: "ms", how: "8 shoppers" },
    notMeasured("database", "catalog listing p95, index missing", "ms", "no reconciler"),
  ],
  details: {},
  warnings: ["database: no reconciler"],
};

describe("the report", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("prints one row per figure, the section once, and how each was measured", () => {
    const text = summaryText(report);
    expect(text).toContain("Test CPU x 2, 8.0 GiB RAM");
    expect(text).toMatch(/checkout\s+placeOrder p50\s+120\s+ms\s+\[1\]/);
    expect(text).toMatch(/\n\s+placeOrder p95\s+310\s+ms\s+\[1\]/);
    expect(text).toMatch(/database\s+catalog listing p95, index missing\s+-\s+ms\s+\[2\]/);
    // Two figures measured the same way share one note.
    expect(text).toContain("  [1] 8 shoppers\n  [2] not measured: no reconciler");
    expect(text).toContain("Warnings:");
  });

  it("writes system-<timestamp>.json and .md side by side", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "bench-report-"));
    const written = await writeReport(path.join(dir, "results"), report);
    expect(path.basename(written.json)).toBe("system-2026-11-26T09-00-00-000Z.json");
    expect(path.basename(written.markdown)).toBe("system-2026-11-26T09-00-00-000Z.md");
    expect(JSON.parse(await readFile(written.json, "utf8"))).toEqual(report);
    const markdown = await readFile(written.markdown, "utf8");
    expect(markdown).toBe(markdownReport(report));
    expect(markdown).toContain("| checkout | placeOrder p50 | 120 | ms | [1] |");
    expect(markdown).toContain("1. 8 shoppers\n2. not measured: no reconciler");
    expect(markdown).toContain("PostgreSQL 17.2, Redis 7.4.1, Chromium Chromium 140");
  });
});
