// The cart service as its own process, started exactly as in production:
// `node --import @shop/telemetry/register src/main.ts`, stopped with SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { waitFor } from "./wait-for.ts";

const packageRoot = path.join(import.meta.dirname, "..");

export interface CartProcess {
  url: string;
  output: () => string;
  /** SIGTERM; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Runs main.ts until it exits (for configurations it must refuse). */
export function runCart(env: Record<string, string>) {
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

/** Starts the cart and waits until it is ready (Redis connected), not only listening. */
export async function startCart(env: Record<string, string>): Promise<CartProcess> {
  const { child, output, exited } = runCart({ ...env, PORT: "0" });
  const url = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`cart exited (${String(child.exitCode)}):\n${output()}`);
      return Promise.resolve(/cart listening on (http:\/\/[\d.:]+)/.exec(output())?.[1]);
    },
    (found) => found !== undefined,
    { timeoutMs: 30_000, description: "cart to listen" },
  );
  const address = url ?? "";
  await waitFor(
    () => fetch(`${address}/readyz`).then((response) => response.status),
    (status) => status === 200,
    { timeoutMs: 10_000, description: "cart to be ready" },
  );
  return {
    url: address,
    output,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
