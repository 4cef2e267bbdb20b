export { createDbClient } from "./client.ts";
export type { DbClient, DbClientOptions } from "./client.ts";
export { connectionEnv, ConfigError } from "./env.ts";
export * from "./generated/prisma/client.ts";
