// OTLP log severity numbers (1-24, four steps per level) and their names, for decoding OTLP/JSON
// enum names, parsing `minSeverity=WARN` and printing records.
const LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"] as const;

export type SeverityLevel = (typeof LEVELS)[number];

/** The severity number of a level name ("WARN", "warn", "WARN3", "SEVERITY_NUMBER_WARN"). */
export function severityNumberOf(name: string): number | undefined {
  const match = /^(?:SEVERITY_NUMBER_)?([A-Z]+)([234])?$/.exec(name.toUpperCase());
  if (!match) return undefined;
  const [, level = "", step = "1"] = match;
  if (level === "UNSPECIFIED" && step === "1") return 0;
  const index = LEVELS.indexOf(level as SeverityLevel);
  return index === -1 ? undefined : index * 4 + Number(step);
}

/** The level a severity number belongs to ("INFO" for 9-12); "UNSPECIFIED" outside 1-24. */
export function severityLevelOf(severityNumber: number): SeverityLevel | "UNSPECIFIED" {
  if (!Number.isInteger(severityNumber) || severityNumber < 1 || severityNumber > 24) return "UNSPECIFIED";
  return LEVELS[Math.floor((severityNumber - 1) / 4)] ?? "UNSPECIFIED";
}
