// A process the bench starts for itself (a second storefront, the bots, another bench): output
// kept, a wait for a line, and a stop that cannot leave it behind.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";

export interface BenchChild {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitFor: (text: string, timeoutMs: number) => Promise<void>;
  stop: () => Promise<void>;
}

// Every child still running, so a Ctrl-C of the bench stops them all (each is in its own process
// group, which the terminal's Ctrl-C does not reach).
const running = new Set<BenchChild>();

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

export function startChild(options: {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): BenchChild {
  // Its own process group, so stopping it also stops what it started (next-server, Chromium).
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      // Enough to explain a failure; a long run's logs are not kept whole.
      output = (output + chunk.toString()).slice(-200_000);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", resolve);
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const waitFor = async (text: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(text)) {
      if (child.exitCode !== null)
        throw new Error(`${options.args.join(" ")} exited early:\n${output.slice(-4000)}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${output.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stop = async () => {
    running.delete(handle);
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup("SIGTERM");
    // The grace timer is cleared once the child is gone, or it would hold this process for 15 s.
    let grace: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => {
        grace = setTimeout(() => {
          resolve(false);
        }, 15_000);
      }),
    ]);
    clearTimeout(grace);
    if (!stopped) signalGroup("SIGKILL");
    // Whatever the leader left in its group (a browser's helpers) goes too.
    signalGroup("SIGKILL");
  };
  const handle: BenchChild = { child, output: () => output, exited, waitFor, stop };
  running.add(handle);
  return handle;
}

/** Runs a child to its end (or until the timeout): its exit code, or "timeout", and its output. */
export async function runChild(
  options: Parameters<typeof startChild>[0] & { timeoutMs: number },
): Promise<{ code: number | null | "timeout"; output: string }> {
  const child = startChild(options);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    child.exited,
    new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        resolve("timeout");
      }, options.timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  await child.stop();
  return { code, output: child.output() };
}
