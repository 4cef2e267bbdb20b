// The demo's processes: started in order, each line of their output prefixed with their name,
// stopped in reverse order. Each child leads its own process group so that stopping it also stops
// whatever it started (npm -> node -> ...), and so that Ctrl-C reaches the demo first, which then
// shuts the stack down in order instead of everything dying at once.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

const COLORS = [36, 35, 33, 32, 34, 91, 96, 95];
const useColor = process.stdout.isTTY;

export function prefixer(name: string, index: number, width = 10) {
  const label = name.padEnd(width).slice(0, width);
  const color = COLORS[index % COLORS.length] ?? 37;
  const tag = useColor ? `\x1b[${color}m${label}\x1b[0m` : label;
  return (line: string) => `${tag} | ${line}`;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Resolves once the process says (or shows) it is ready. */
  ready?: (line: string) => boolean;
  /** For processes that run to completion (migrate, seed). */
  oneShot?: boolean;
  /** Pass an IPC channel, so a child of ours can notice when we are gone. */
  ipc?: boolean;
}

interface Running {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export class ProcessGroup {
  readonly #running: Running[] = [];
  #count = 0;
  #stopping = false;
  /** Called when a long-running process exits on its own: the stack is broken. */
  onUnexpectedExit: (name: string, code: number | null) => void = () => undefined;
  /**
   * Start a long-running process again when it dies, as Kubernetes restarts a crashed container
   * (with a growing back-off), instead of calling onUnexpectedExit. For the chaos runs.
   */
  restartCrashed = false;
  readonly #restarts = new Map<string, number>();

  /** Starts a process; resolves when it is ready (or, for one-shot processes, when it succeeded). */
  start(options: StartOptions): Promise<void> {
    // A start racing a shutdown (one step failed while another was still starting) must not
    // leave a process behind that nobody will stop.
    if (this.#stopping)
      return Promise.reject(new Error(`${options.name}: not started, the stack is stopping`));
    const print = prefixer(options.name, this.#count++);
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      // Children inherit this process's environment, plus what the stack decided for them.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, ...options.env, FORCE_COLOR: useColor ? "1" : "0" },
      stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const exited = new Promise<number | null>((resolve) => {
      child.on("exit", (code, signal) => {
        resolve(code ?? (signal ? 128 : null));
      });
    });
    const entry: Running = { name: options.name, child, exited };
    if (!options.oneShot) this.#running.push(entry);

    return new Promise<void>((resolve, reject) => {
      let ready = !options.ready && !options.oneShot;
      if (ready) resolve();
      for (const stream of [child.stdout, child.stderr]) {
        if (!stream) continue;
        createInterface({ input: stream }).on("line", (line) => {
          console.log(print(line));
          if (!ready && options.ready?.(line)) {
            ready = true;
            resolve();
          }
        });
      }
      child.on("error", (error) => {
        reject(new Error(`${options.name}: could not start ${options.command}: ${error.message}`));
      });
      void exited.then((code) => {
        if (options.oneShot) {
          if (code === 0) resolve();
          else reject(new Error(`${options.name} failed (exit code ${String(code)})`));
          return;
        }
        if (!ready) reject(new Error(`${options.name} exited (code ${String(code)}) before it was ready`));
        else if (!this.#stopping && this.restartCrashed) this.#restart(entry, options, code, print);
        else if (!this.#stopping) this.onUnexpectedExit(options.name, code);
      });
    });
  }

  #restart(entry: Running, options: StartOptions, code: number | null, print: (line: string) => string) {
    this.#running.splice(this.#running.indexOf(entry), 1);
    signalGroup(entry.child, "SIGKILL");
    const restarts = (this.#restarts.get(options.name) ?? 0) + 1;
    this.#restarts.set(options.name, restarts);
    const delayMs = Math.min(10_000, 500 * 2 ** (restarts - 1));
    console.log(
      print(
        `exited (code ${String(code)}); restarting in ${String(delayMs)} ms (restart ${String(restarts)})`,
      ),
    );
    setTimeout(() => {
      if (this.#stopping) return;
      this.start(options).catch(() => {
        this.onUnexpectedExit(options.name, code);
      });
    }, delayMs);
  }

  /** Stops every long-running process, last started first: SIGTERM, then SIGKILL after a grace period. */
  async stopAll(graceMs = 8_000): Promise<void> {
    this.#stopping = true;
    for (const entry of [...this.#running].reverse()) {
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) continue;
      signalGroup(entry.child, "SIGTERM");
      const timer = setTimeout(() => {
        signalGroup(entry.child, "SIGKILL");
      }, graceMs);
      await entry.exited;
      clearTimeout(timer);
      // Whatever the process left in its group goes with it.
      signalGroup(entry.child, "SIGKILL");
    }
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
