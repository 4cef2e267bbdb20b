// This process's descendants (the bot fleet's Chromium: browser, renderers, GPU/utility
// processes), read from /proc on Linux: CPU time and proportional memory (PSS, which splits pages
// shared between Chromium's processes fairly instead of counting them once per process).
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100;

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) parents.set(Number(entry), parent);
  }
  const found: number[] = [];
  for (const pid of parents.keys()) {
    for (
      let ancestor = parents.get(pid);
      ancestor !== undefined && ancestor > 1;
      ancestor = parents.get(ancestor)
    ) {
      if (ancestor === root) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

/** User + system CPU seconds a process has used (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Proportional set size in bytes (0 once it is gone). */
export function pssBytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${String(pid)}/smaps_rollup`, "utf8");
    const kb = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The Chromium processes among this process's descendants (not the shop the bench started). */
export function chromiumDescendantsOf(root: number): number[] {
  return descendantsOf(root).filter((pid) => {
    try {
      return (
        readFileSync(`/proc/${String(pid)}/cmdline`, "utf8")
          .split("\0")[0]
          ?.includes("chrom") ?? false
      );
    } catch {
      return false;
    }
  });
}
