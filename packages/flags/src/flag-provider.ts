// The OpenFeature provider over a FlagWatcher: evaluation is a read of the process's own copy of
// the flags (no network call per evaluation), so a flag can guard a hot path.
import { ErrorCode, StandardResolutionReasons } from "@openfeature/server-sdk";
import type { JsonValue, Provider, ResolutionDetails } from "@openfeature/server-sdk";
import { isFlagKey } from "./definitions.ts";
import type { FlagWatcher } from "./flag-watcher.ts";

export const FLAG_PROVIDER_NAME = "shop-redis-flags";

export class RedisFlagProvider implements Provider {
  readonly metadata = { name: FLAG_PROVIDER_NAME } as const;
  readonly runsOn = "server" as const;
  readonly #watcher: FlagWatcher;

  constructor(watcher: FlagWatcher) {
    this.#watcher = watcher;
  }

  #resolve<T>(key: string, defaultValue: T, accepts: (value: unknown) => value is T): ResolutionDetails<T> {
    if (!isFlagKey(key)) {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.FLAG_NOT_FOUND,
      };
    }
    const value = this.#watcher.current(key);
    if (value === false)
      return { value: defaultValue, variant: "off", reason: StandardResolutionReasons.DEFAULT };
    if (!accepts(value)) {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.TYPE_MISMATCH,
      };
    }
    return { value, variant: "on", reason: StandardResolutionReasons.STATIC };
  }

  resolveBooleanEvaluation(key: string, defaultValue: boolean) {
    return Promise.resolve(this.#resolve(key, defaultValue, (v): v is boolean => typeof v === "boolean"));
  }

  resolveStringEvaluation(key: string, defaultValue: string) {
    return Promise.resolve(this.#resolve(key, defaultValue, (v): v is string => typeof v === "string"));
  }

  resolveNumberEvaluation(key: string, defaultValue: number) {
    return Promise.resolve(this.#resolve(key, defaultValue, (v): v is number => typeof v === "number"));
  }

  resolveObjectEvaluation<T extends JsonValue>(key: string, defaultValue: T) {
    return Promise.resolve(this.#resolve(key, defaultValue, (v): v is T => v !== undefined));
  }
}
