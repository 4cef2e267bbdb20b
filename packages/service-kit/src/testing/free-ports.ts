// Free ports for tests that must know a port before the process using it starts. Taken below
// Linux's ephemeral range (32768+): a port the kernel may hand to an outgoing connection could be
// taken again between the check and its use.
import { createServer } from "node:net";

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => {
      resolve(false);
    });
    server.listen(port, "127.0.0.1", () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

/** The first of `count` consecutive free ports on 127.0.0.1. */
export async function freePortBlock(count = 1): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (32_000 - 20_000 - count));
    let free = true;
    for (let port = base; port < base + count && free; port++) free = await canListen(port);
    if (free) return base;
  }
  throw new Error(`no block of ${String(count)} free ports`);
}
