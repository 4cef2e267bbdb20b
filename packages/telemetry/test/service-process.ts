// Starts a fixture service as its own Node process, exactly as the shop's services start:
// `node --import @shop/telemetry/register <file>`, and stops it with SIGTERM.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export interface ServiceProcess {
  url: string;
  output: () => string;
  /** SIGTERM; resolves with how long the process took to exit. */
  stop: () => Promise<number>;
  child: ChildProcess;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no free port"));
      });
    });
  });
}

export async function startService(
  fixture: "back-service" | "front-service",
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  const file = path.join(import.meta.dirname, "fixtures", `${fixture}.ts`);
  const child = spawn(process.execPath, ["--import", "@shop/telemetry/register", file], {
    cwd: path.join(import.meta.dirname, ".."),
    // eslint-disable-next-line no-restricted-properties -- the child inherits the test's environment
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  }
  const exited = new Promise<void>((resolve) => {
    child.on("exit", () => {
      resolve();
    });
  });
  const deadline = Date.now() + 30_000;
  while (!output.includes("ready:")) {
    if (child.exitCode !== null) throw new Error(`${fixture} exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${fixture} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${String(port)}`,
    output: () => output,
    child,
    stop: async () => {
      const started = performance.now();
      child.kill("SIGTERM");
      await exited;
      return performance.now() - started;
    },
  };
}
