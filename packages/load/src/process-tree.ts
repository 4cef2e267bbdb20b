// Processes as Linux's /proc shows them: who descends from whom, how much memory and CPU each
// uses. RSS counts a shared page in every process that maps it, so a sum of RSS over-counts
// Chromium's and Node's shared libraries; PSS splits shared pages fairly, but the kernel only shows
// it for our own processes (the system PostgreSQL's backends run as another user).
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100;

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  const stat = read(`/proc/${String(pid)}/stat`);
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
}

export function allPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const pid of allPids()) {
    const parent = Number(statFields(pid)?.[1]);
    if (Number.isInteger(parent)) parents.set(pid, parent);
  }
  return [...parents.keys()].filter((pid) => {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up === root) return true;
    }
    return false;
  });
}

/** The program a process runs: its first argument, exactly (paths may hold spaces). */
export function executable(pid: number): string {
  return (read(`/proc/${String(pid)}/cmdline`) ?? "").split("\0")[0] ?? "";
}

export function commandLine(pid: number): string {
  return (read(`/proc/${String(pid)}/cmdline`) ?? "").replaceAll("\0", " ").trim();
}

/** Resident set size in bytes (0 once the process is gone). */
export function rssBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${String(pid)}/status`) ?? "")?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Proportional set size in bytes (0 once gone, or when the kernel does not let us read it). */
export function pssBytes(pid: number): number {
  const kb = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${String(pid)}/smaps_rollup`) ?? "")?.[1];
  return Number(kb ?? 0) * 1024;
}

/** User + system CPU seconds used so far (0 once gone). */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
