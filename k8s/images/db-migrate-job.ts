// The db-migrate image's command: apply the migrations, then seed, as `npm run db:migrate` and
// `npm run db:seed` do (`node src/migrate/cli.ts deploy && node src/seed/cli.ts` in packages/db),
// without a shell. Each step is a child process with this environment (DATABASE_URL...); the first
// step that fails ends the job with its exit code. As PID 1 of the container, this process
// forwards SIGTERM and SIGINT to the step that is running and exits when it does, so deleting the
// Job stops it at once instead of after the grace period.
//   node k8s/images/db-migrate-job.ts        (in the image: /app/k8s/images/db-migrate-job.ts)
import { spawn } from "node:child_process";
import path from "node:path";

const dbPackage = path.resolve(import.meta.dirname, "../../packages/db");

export const STEPS: readonly (readonly string[])[] = [["src/migrate/cli.ts", "deploy"], ["src/seed/cli.ts"]];

function runStep(args: readonly string[], signalled: () => NodeJS.Signals | undefined) {
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: dbPackage, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    process.on("SIGTERM", forward);
    process.on("SIGINT", forward);
    child.on("error", (error) => {
      console.error(`[db-migrate] ${args.join(" ")}: ${error.message}`);
    });
    child.on("close", (code, signal) => {
      process.off("SIGTERM", forward);
      process.off("SIGINT", forward);
      const stopped = signalled();
      resolve(code ?? (stopped === "SIGINT" ? 130 : signal || stopped ? 143 : 1));
    });
  });
}

async function main(): Promise<number> {
  let stopSignal: NodeJS.Signals | undefined;
  const remember = (signal: NodeJS.Signals) => {
    stopSignal ??= signal;
  };
  process.on("SIGTERM", remember);
  process.on("SIGINT", remember);
  for (const step of STEPS) {
    if (stopSignal) return stopSignal === "SIGINT" ? 130 : 143;
    console.log(`[db-migrate] node ${step.join(" ")}`);
    const code = await runStep(step, () => stopSignal);
    if (code !== 0) {
      console.error(`[db-migrate] node ${step.join(" ")} failed (exit code ${String(code)})`);
      return code;
    }
  }
  console.log("[db-migrate] migrated and seeded");
  return 0;
}

if (import.meta.main) process.exitCode = await main();
