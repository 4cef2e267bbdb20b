export {
  FLAG_DEFINITIONS,
  FLAG_KEYS,
  SERVICES_WITH_FAULTS,
  isFlagKey,
  parseFlagParams,
} from "./definitions.ts";
export type { FlagKey, FlagParams, FlagValue } from "./definitions.ts";
export { FlagStore, DEFAULT_FLAG_PREFIX, DEFAULT_FLAG_TTL_MS, flagKeys } from "./flag-store.ts";
export type { FlagState, FlagStoreOptions } from "./flag-store.ts";
export { FlagWatcher } from "./flag-watcher.ts";
export type { FlagChangeListener, FlagWatcherOptions } from "./flag-watcher.ts";
export { RedisFlagProvider, FLAG_PROVIDER_NAME } from "./flag-provider.ts";
export { SpanFlagHook, FEATURE_FLAG_ATTR, FEATURE_FLAG_EVENT } from "./span-hook.ts";
export { Flags, startFlags } from "./flags.ts";
export type { StartFlagsOptions } from "./flags.ts";
export { startProcessFlags, processFlags, evaluateFlag, stopProcessFlags } from "./process-flags.ts";
