// A private redis-server for the demo when REDIS_URL is unset: bound to 127.0.0.1, nothing saved
// to disk (carts are short-lived by design), its own port so it never touches a system Redis.
import { existsSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";

const SEARCH_PATH = ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/opt/homebrew/bin"];

export function findRedisServer(override: string | undefined, searchPath: string): string | undefined {
  if (override) return existsSync(override) ? override : undefined;
  const dirs = [...searchPath.split(path.delimiter).filter(Boolean), ...SEARCH_PATH];
  return dirs.map((dir) => path.join(dir, "redis-server")).find((file) => existsSync(file));
}

export function redisArgs(port: number, dir: string): string[] {
  return ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
}

/** Sends PING over RESP; true when the server answers PONG within the timeout. */
export function pingRedis(url: string, timeoutMs = 1_000): Promise<boolean> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: target.hostname, port: Number(target.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => {
      done(false);
    });
    socket.on("error", () => {
      done(false);
    });
    socket.on("connect", () => {
      const password = decodeURIComponent(target.password);
      if (password) socket.write(`AUTH ${decodeURIComponent(target.username) || "default"} ${password}\r\n`);
      socket.write("PING\r\n");
    });
    socket.on("data", (data) => {
      if (data.toString().includes("+PONG")) done(true);
      else if (data.toString().startsWith("-")) done(false);
    });
  });
}
