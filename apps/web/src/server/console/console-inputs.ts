// What the console's API accepts. Flag parameters are checked with the flag's own schema from
// @shop/flags, so the console refuses exactly what the services would refuse, field by field.
import { FLAG_DEFINITIONS, isFlagKey } from "@shop/flags";
import type { FlagKey } from "@shop/flags";
import { scenarioStartInput } from "@shop/scenarios";
import { z } from "zod";

const FLAG_KEY_LIST = Object.keys(FLAG_DEFINITIONS).join(", ");

const flagKey = z.custom<FlagKey>(isFlagKey, { error: `key must be one of ${FLAG_KEY_LIST}` });

/** The scenarios package's own rules for a start; who started it is always "console" here. */
export const startScenarioInput = scenarioStartInput.omit({ startedBy: true });

export const stopScenarioInput = z.object({ reason: z.string().trim().max(200).optional() }).default({});

/** A flag and its "on" parameters; the issues of the flag's schema are reported under `params`. */
export const setFlagInput = z.object({ key: flagKey, params: z.unknown() }).transform((input, ctx) => {
  const parsed = FLAG_DEFINITIONS[input.key].schema.safeParse(input.params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: "custom", path: ["params", ...issue.path], message: issue.message });
    }
    return z.NEVER;
  }
  return { key: input.key, params: parsed.data };
});

export const clearFlagInput = z.object({ key: flagKey });

export const botsInput = z.object({
  perMinute: z
    .number({ error: "perMinute must be a number of actions per minute" })
    .min(0, { error: "perMinute must be at least 0" })
    .max(10_000, { error: "perMinute must be at most 10000" }),
});

export type StartScenarioInput = z.infer<typeof startScenarioInput>;
export type SetFlagInput = z.infer<typeof setFlagInput>;
export type ClearFlagInput = z.infer<typeof clearFlagInput>;
export type BotsInput = z.infer<typeof botsInput>;
