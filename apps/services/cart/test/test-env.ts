// Where the tests find Redis: shared with other runs and the demo, so every key a test writes is
// under a prefix of its own run (see redis-namespace.ts).
export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
