// The report's tables: fixed-width text for the terminal, GitHub-flavoured Markdown for the file.

/** Columns padded to their widest cell; numeric columns right-aligned, text left-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => isNumeric(row[i] ?? "")));
  const line = (cells: readonly string[]) =>
    header
      .map((_, i) => {
        const cell = cells[i] ?? "";
        return numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|").replaceAll("\n", " ");
  const line = (cells: readonly string[]) =>
    `| ${header.map((_, i) => escape(cells[i] ?? "")).join(" | ")} |`;
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => isNumeric(row[i] ?? "")));
  const rule = `| ${numeric.map((right) => (right ? "---:" : "---")).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** A number, or "-" for a missing one. */
function isNumeric(cell: string): boolean {
  return cell === "-" || /^-?\d[\d.]*$/.test(cell);
}

/** A number with a sensible number of decimals for a report (3 significant digits, at most 2). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "-";
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toFixed(decimals);
}
