// The embedded database for `npm run demo` when DATABASE_URL is unset: PGlite (PostgreSQL compiled
// to WASM) served over the PostgreSQL wire protocol on 127.0.0.1, data kept in a folder. Its one
// backend runs queries one at a time: right for a laptop demo, not for the lock-contention and
// pool-exhaustion scenarios, which want a real PostgreSQL (set DATABASE_URL).
// Usage: node src/pglite-server.ts <data-dir> <port>
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const [dataDir, portText] = process.argv.slice(2);
const port = Number(portText);
if (!dataDir || !Number.isInteger(port)) {
  console.error("usage: pglite-server.ts <data-dir> <port>");
  process.exit(2);
}

mkdirSync(dataDir, { recursive: true });
const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
// Every process of the demo holds a pool; queries still run one at a time inside PGlite.
const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 200 });
await server.start();
console.log(`ready: postgresql://postgres@127.0.0.1:${port}/postgres (PGlite, data in ${dataDir})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the embedded database`);
  await server.stop();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
// Started by the demo with an IPC channel: if the demo dies without stopping us, stop anyway.
process.on("disconnect", () => void stop("parent gone"));
