// `npm run demo` as a child process, for tests that need the whole shop running (the demo's own
// test, the browser tests): start it, wait for what it prints, Ctrl-C it like a person would.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const demoScript = path.join(import.meta.dirname, "..", "demo.ts");

export interface DemoProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the demo with `env` over this process's environment (minus DATABASE_URL and REDIS_URL). */
export function startDemo(env: Record<string, string>): DemoProcess {
  // eslint-disable-next-line no-restricted-properties
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  // Its own process group, like a terminal's foreground job: Ctrl-C signals the whole group.
  const child = spawn(process.execPath, [demoScript], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", resolve);
  });
  return { child, output: () => output, exited };
}

export async function waitForOutput(demo: DemoProcess, text: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!demo.output().includes(text)) {
    if (demo.child.exitCode !== null) throw new Error(`demo exited early:\n${demo.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${demo.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function pressCtrlC(demo: DemoProcess) {
  if (demo.child.pid) process.kill(-demo.child.pid, "SIGINT");
}

/**
 * Ctrl-C, up to `graceMs` for the demo to exit cleanly, then SIGKILL for whatever still uses its
 * data folder (a database or Redis that outlived it). The grace timer is cleared as soon as the
 * demo is gone: a pending one would keep the caller's process (a test runner) alive for the rest.
 */
export async function stopDemo(demo: DemoProcess, dataDir: string, graceMs = 20_000): Promise<void> {
  if (demo.child.exitCode === null && demo.child.signalCode === null) {
    try {
      pressCtrlC(demo);
    } catch {
      // The group is already gone: nothing to Ctrl-C.
    }
  }
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([
    demo.exited,
    new Promise((resolve) => {
      grace = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(grace);
  for (const line of await processesUsing(dataDir)) {
    try {
      process.kill(Number(line.split(":")[0]), "SIGKILL");
    } catch {
      // Exited between the listing and the kill.
    }
  }
}

/** Processes whose command line mentions the folder (the database and Redis name their data dir). */
export async function processesUsing(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(folder)) found.push(`${pid}: ${cmdline.replaceAll("\0", " ")}`);
  }
  return found;
}
