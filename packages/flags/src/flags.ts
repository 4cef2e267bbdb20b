// One process's flags: a watcher kept current from Redis, and an OpenFeature client (one domain
// per process, named after it) whose every evaluation is recorded on the active span.
import { OpenFeature } from "@openfeature/server-sdk";
import type { Client } from "@openfeature/server-sdk";
import { Redis } from "ioredis";
import type { FlagKey, FlagValue } from "./definitions.ts";
import { RedisFlagProvider } from "./flag-provider.ts";
import { FlagWatcher } from "./flag-watcher.ts";
import type { FlagChangeListener, FlagWatcherOptions } from "./flag-watcher.ts";
import { SpanFlagHook } from "./span-hook.ts";

export interface StartFlagsOptions extends FlagWatcherOptions {
  /** The process evaluating (catalog, storefront, bots): its OpenFeature domain. */
  source: string;
  /** A Redis URL (a connection of its own is opened) or a connection to share. */
  redis: string | Redis;
}

export class Flags {
  readonly watcher: FlagWatcher;
  readonly #client: Client;
  readonly #ownRedis: Redis | undefined;

  constructor(watcher: FlagWatcher, client: Client, ownRedis?: Redis) {
    this.watcher = watcher;
    this.#client = client;
    this.#ownRedis = ownRedis;
  }

  /** Evaluates a flag through OpenFeature (recorded on the active span): false when off. */
  async evaluate<K extends FlagKey>(key: K): Promise<FlagValue<K>> {
    return (await this.#client.getObjectValue(key, false)) as FlagValue<K>;
  }

  /** The value without an evaluation record: for reconcilers reacting to changes. */
  current<K extends FlagKey>(key: K): FlagValue<K> {
    return this.watcher.current(key);
  }

  onChange(listener: FlagChangeListener): () => void {
    return this.watcher.onChange(listener);
  }

  async stop(): Promise<void> {
    await this.watcher.stop();
    this.#ownRedis?.disconnect();
  }
}

export async function startFlags(options: StartFlagsOptions): Promise<Flags> {
  const ownRedis =
    typeof options.redis === "string"
      ? new Redis(options.redis, { maxRetriesPerRequest: 1, connectionName: `${options.source}-flags` })
      : undefined;
  ownRedis?.on("error", () => undefined);
  const redis = ownRedis ?? (options.redis as Redis);
  const watcher = new FlagWatcher(redis, options);
  await watcher.start();
  await OpenFeature.setProviderAndWait(options.source, new RedisFlagProvider(watcher));
  const client = OpenFeature.getClient(options.source);
  client.addHooks(new SpanFlagHook());
  return new Flags(watcher, client, ownRedis);
}
