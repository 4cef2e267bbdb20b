// A key prefix of this test run's own in the shared Redis, and the clean-up of everything under it.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

export function redisNamespace(redis: Redis, label: string) {
  const root = `test-${label}-${String(process.pid)}-${randomBytes(4).toString("hex")}`;
  return {
    /** A prefix under this run's namespace, e.g. prefix("cart") for the cart's keys. */
    prefix: (name: string) => `${root}:${name}`,

    async cleanup(): Promise<void> {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${root}:*`, "COUNT", 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== "0");
    },
  };
}
