// Finds a process of the stack by what it runs and the port it was given, reading /proc: the
// chaos run kills exactly the service it means to, never another stack's copy on this machine.
import { readdir, readFile } from "node:fs/promises";

export async function findProcess(commandPart: string, envPart: string): Promise<number | undefined> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (!cmdline.includes(commandPart)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, "utf8").catch(() => "");
    if (`\0${environ}`.includes(`\0${envPart}\0`)) return Number(entry);
  }
  return undefined;
}

/** Resident memory of a process in MB, or undefined when it is gone. */
export async function rssMb(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${String(pid)}/status`, "utf8").catch(() => "");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}
