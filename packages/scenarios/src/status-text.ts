// The CLI's plain-text view of a status.
import type { ScenarioStatus } from "./scenario-types.ts";

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(whole / 60))}:${String(whole % 60).padStart(2, "0")}`;
}

export function statusText(status: ScenarioStatus): string {
  const lines: string[] = [];
  if (status.state === "idle" || !status.name) {
    lines.push("No scenario has run yet.");
  } else {
    const scale = status.timeScale && status.timeScale !== 1 ? ` at ${String(status.timeScale)}x` : "";
    lines.push(`${status.title ?? status.name} (${status.name}): ${status.state}${scale}`);
    lines.push(
      `  ${clock(status.elapsedSeconds ?? 0)} of ${clock(status.durationSeconds ?? 0)} ` +
        `(${String(Math.round((status.progress ?? 0) * 100))}%), step ${String((status.stepIndex ?? 0) + 1)} of ${String(status.steps?.length ?? 0)}`,
    );
    if (status.reason) lines.push(`  reason: ${status.reason}`);
    if (status.state === "running") {
      if (status.narrative) lines.push(`  now:  ${status.narrative}`);
      if (status.look) lines.push(`  look: ${status.look}`);
    }
  }
  if (status.flags.length === 0) lines.push("Flags: all off.");
  else {
    lines.push("Flags on:");
    for (const flag of status.flags) {
      const value = flag.value === true ? "on" : JSON.stringify(flag.value);
      lines.push(`  ${flag.key.padEnd(20)} ${value}  (by ${flag.setBy})`);
    }
  }
  return lines.join("\n");
}
