// The db-migrate image's command (k8s/images/db-migrate-job.ts): migrate, then seed, stopping at
// the first failure, and passing SIGTERM on to the running step. Run from the repository here;
// migrating and seeding a real database is what packages/db's own tests cover.
import { spawn } from "node:child_process";
import type { Socket } from "node:net";
import { createServer } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../images/build-images.ts";
import { STEPS } from "../images/db-migrate-job.ts";
import { inheritedEnv } from "../images/env.ts";

const job = path.join(repoRoot, "k8s/images/db-migrate-job.ts");

function start(databaseUrl: string) {
  const child = spawn(process.execPath, [job], {
    cwd: path.join(repoRoot, "packages/db"),
    env: { ...inheritedEnv(), DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const done = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      resolve(code);
    });
  });
  return { child, done, output: () => output };
}

describe("db-migrate job", () => {
  it("runs `src/migrate/cli.ts deploy`, then `src/seed/cli.ts`, in packages/db", () => {
    expect(STEPS).toEqual([["src/migrate/cli.ts", "deploy"], ["src/seed/cli.ts"]]);
  });

  it("stops at a failed migration, with its exit code, and does not seed", { timeout: 30_000 }, async () => {
    const run = start("postgresql://shop@127.0.0.1:1/shop");
    const code = await run.done;
    expect(code).not.toBe(0);
    expect(run.output()).toContain("[db-migrate] node src/migrate/cli.ts deploy failed");
    expect(run.output()).not.toContain("src/seed/cli.ts");
  });

  it("passes SIGTERM on to the running step and exits at once", { timeout: 30_000 }, async () => {
    // A server that accepts connections and never answers: the migration waits on it.
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const run = start(`postgresql://shop@127.0.0.1:${String(port)}/shop`);
      const deadline = Date.now() + 20_000;
      while (sockets.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sockets.length, run.output()).toBeGreaterThan(0);
      const stoppedAt = Date.now();
      run.child.kill("SIGTERM");
      expect(await run.done).toBe(143);
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      expect(run.output()).not.toContain("src/seed/cli.ts");
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});
