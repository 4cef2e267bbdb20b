// A private PostgreSQL server for the demo when DATABASE_URL is unset and PostgreSQL's server
// binaries are installed: a cluster of its own in the data folder, on its own port, bound to
// 127.0.0.1, trust auth for local connections only. Unlike PGlite (one backend, one query at a
// time) it has real connections, locks and a real planner, which the database scenarios
// (missing index, pool exhaustion, lock contention) need. PostgreSQL refuses to run as root: as
// root (CI, containers) its programs run as the `postgres` system user.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const SEARCH = ["/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt"];

/** The folder holding initdb and postgres, newest version first; undefined when not installed. */
export function findPostgresBin(override?: string): string | undefined {
  if (override) return existsSync(path.join(override, "initdb")) ? override : undefined;
  for (const root of SEARCH) {
    if (!existsSync(root)) continue;
    const candidates = readdirSync(root)
      .filter((name) => /^(postgresql@)?\d+$/.test(name) || name === "postgresql")
      .sort((a, b) => Number(b.replace(/\D/g, "")) - Number(a.replace(/\D/g, "")))
      .map((name) => path.join(root, name, "bin"));
    const found = candidates.find((bin) => existsSync(path.join(bin, "initdb")));
    if (found) return found;
  }
  return undefined;
}

const asRoot = process.getuid?.() === 0;

/** Command and arguments running a PostgreSQL program, as the postgres user when we are root. */
export function postgresCommand(bin: string, program: string, args: string[]): [string, string[]] {
  const file = path.join(bin, program);
  return asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
}

/** Creates the cluster in `dataDir` unless it exists; as root, hands the folder to `postgres`. */
export async function initPostgresCluster(bin: string, dataDir: string): Promise<"created" | "existing"> {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return "existing";
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    await chown(dataDir, Number(stdout.trim()), Number(group.trim()));
    // The postgres user must be able to reach the folder through its parents.
    await chmod(path.dirname(dataDir), 0o755);
  }
  const [command, args] = postgresCommand(bin, "initdb", [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--no-sync",
  ]);
  await run(command, args);
  return "created";
}

/** Arguments for running the server in the foreground (the demo supervises it like any child). */
export function postgresServerArgs(dataDir: string, port: number): string[] {
  return [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    // TCP only: no socket file to clash with a system PostgreSQL's.
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
  ];
}

/** The line PostgreSQL logs once it takes connections. */
export function isPostgresReady(line: string): boolean {
  return line.includes("database system is ready to accept connections");
}
