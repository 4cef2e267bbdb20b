// A service as its own process in tests, started exactly as in production:
// `node --import @shop/telemetry/register src/main.ts`, stopped with SIGTERM.
import { spawn } from "node:child_process";
import { waitFor } from "./wait-for.ts";

export interface ServiceProcess {
  url: string;
  output: () => string;
  /** SIGTERM; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Runs a service's main.ts until it exits (also for configurations it must refuse). */
export function runServiceProcess(packageRoot: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "@shop/telemetry/register", "src/main.ts"], {
    cwd: packageRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      resolve(code);
    });
  });
  return { child, output: () => output, exited };
}

/**
 * Starts a service on a free port; resolves once it logs the URL it listens on, or with
 * `waitUntilReady` once its /readyz answers 200 (its dependencies are connected).
 */
export async function startServiceProcess(
  name: string,
  packageRoot: string,
  env: Record<string, string>,
  options: { waitUntilReady?: boolean } = {},
): Promise<ServiceProcess> {
  const { child, output, exited } = runServiceProcess(packageRoot, { ...env, PORT: "0" });
  const listening = new RegExp(`${name} listening on (http://[\\d.:]+)`);
  let url: string | undefined;
  await waitFor(
    () => {
      if (child.exitCode !== null)
        throw new Error(`${name} exited (${String(child.exitCode)}):\n${output()}`);
      url = listening.exec(output())?.[1];
      return Promise.resolve(url);
    },
    (found) => found !== undefined,
    { timeoutMs: 30_000, description: `${name} to listen` },
  );
  if (options.waitUntilReady) {
    await waitFor(
      () => fetch(`${url ?? ""}/readyz`).then((response) => response.status),
      (status) => status === 200,
      { timeoutMs: 10_000, description: `${name} to be ready` },
    );
  }
  return {
    url: url ?? "",
    output,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
