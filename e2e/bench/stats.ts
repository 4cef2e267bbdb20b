// Percentiles and the fixed-width table of the bench's report.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p95 of 10 runs is the largest). Missing values are left out. */
export function summarize(values: (number | null)[]): Summary | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    n: sorted.length,
    p50: rank(0.5),
    p95: rank(0.95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function median(values: number[]): number {
  return summarize(values)?.p50 ?? NaN;
}

/** Bytes as kB (1 kB = 1000 B, as Next's build output counts), one decimal. */
export function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

export function ms(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "-" : Math.round(value).toString();
}

/** Columns padded to their widest cell; numbers (and "-") right-aligned, text left-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.every((row) => /^(-|[\d.]+)?$/.test(row[i] ?? "")));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
