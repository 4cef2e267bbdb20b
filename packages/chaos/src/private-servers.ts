// The chaos run's own PostgreSQL cluster and redis-server, in a scratch folder on free ports, so
// it can stop and restart them without touching a database anything else uses. The cluster is
// made like the demo's private one (@shop/local-stack), but run with pg_ctl so it can be
// restarted under the running demo.
import { spawn, execFile } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import {
  findPostgresBin,
  initPostgresCluster,
  postgresCommand,
  postgresServerArgs,
} from "@shop/local-stack/private-postgres";

const run = promisify(execFile);

export class PrivatePostgres {
  readonly url: string;
  readonly #dataDir: string;
  readonly #port: number;
  readonly #bin: string;

  constructor(dir: string, port: number) {
    const bin = findPostgresBin();
    if (!bin)
      throw new Error("the chaos run needs PostgreSQL's server programs (apt-get install postgresql)");
    this.#bin = bin;
    this.#dataDir = path.join(dir, "pgdata");
    this.#port = port;
    this.url = `postgresql://postgres@127.0.0.1:${String(port)}/postgres`;
  }

  async init(): Promise<void> {
    await initPostgresCluster(this.#bin, this.#dataDir);
    await this.start();
  }

  async start(): Promise<void> {
    const [cmd, args] = postgresCommand(this.#bin, "pg_ctl", [
      "-D",
      this.#dataDir,
      "-w",
      "-l",
      path.join(this.#dataDir, "server.log"),
      "-o",
      postgresServerArgs(this.#dataDir, this.#port)
        .slice(2)
        .map((arg) => (arg.endsWith("=") ? `${arg}''` : arg))
        .join(" "),
      "start",
    ]);
    await run(cmd, args);
  }

  /** A fast restart: every connection is cut, as when the database host reboots. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const [cmd, args] = postgresCommand(this.#bin, "pg_ctl", [
      "-D",
      this.#dataDir,
      "-w",
      "-m",
      "fast",
      "stop",
    ]);
    await run(cmd, args).catch(() => undefined);
  }
}

/**
 * redis-server with append-only persistence (fsync every second): the documented choice that
 * lets carts survive a restart. A graceful restart (SIGTERM) writes everything; a crash loses at
 * most the last second.
 */
export class PrivateRedis {
  readonly url: string;
  readonly #dir: string;
  readonly #port: number;
  #child: ChildProcess | undefined;

  constructor(dir: string, port: number) {
    this.#dir = path.join(dir, "redis");
    this.#port = port;
    this.url = `redis://127.0.0.1:${String(port)}`;
  }

  async start(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(this.#port),
        "--bind",
        "127.0.0.1",
        "--dir",
        this.#dir,
        "--save",
        "",
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      });
      child.once("exit", (code) => {
        reject(new Error(`redis-server exited (${String(code)}): ${output}`));
      });
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (child?.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}
