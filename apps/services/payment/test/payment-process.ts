// The payment service as its own process, started exactly as in production:
// `node --import @shop/telemetry/register src/main.ts`, stopped with SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { waitFor } from "./wait-for.ts";

const packageRoot = path.join(import.meta.dirname, "..");

export interface PaymentProcess {
  url: string;
  output: () => string;
  /** SIGTERM; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Runs main.ts until it exits (for configurations it must refuse). */
export function runPayment(env: Record<string, string>) {
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

export async function startPayment(env: Record<string, string>): Promise<PaymentProcess> {
  const { child, output, exited } = runPayment({ ...env, PORT: "0" });
  let url: string | undefined;
  await waitFor(
    () => {
      if (child.exitCode !== null)
        throw new Error(`payment exited (${String(child.exitCode)}):\n${output()}`);
      url = /payment listening on (http:\/\/[\d.:]+)/.exec(output())?.[1];
      return Promise.resolve(url);
    },
    (found) => found !== undefined,
    { timeoutMs: 30_000, description: "payment to listen" },
  );
  return {
    url: url ?? "",
    output,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
