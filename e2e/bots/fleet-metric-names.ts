// The names and units of what the bot fleet measures, shared by its OpenTelemetry instruments and
// its Prometheus /metrics page so that both say the same thing. Same conventions as the shop's own
// metrics (packages/telemetry/src/names.ts): `shop.*` names, UCUM units with curly-brace
// annotations for counts of things. Prometheus gets the same names with underscores.
export interface BotMetricName {
  name: string;
  unit: string;
  description: string;
}

export const BOT_METRIC = {
  ACTIONS: {
    name: "shop.bots.actions",
    unit: "{action}",
    description: "User actions the bots completed, by journey and step",
  },
  SESSIONS: {
    name: "shop.bots.sessions",
    unit: "{session}",
    description:
      "Bot shopping sessions by journey, persona and outcome (started, completed, abandoned, failed)",
  },
  ERRORS: { name: "shop.bots.errors", unit: "{error}", description: "Errors the bots hit, by kind" },
  BROWSER_RESTARTS: {
    name: "shop.bots.browser.restarts",
    unit: "{restart}",
    description: "Times the fleet had to relaunch its browser",
  },
  STEP_DURATION: {
    name: "shop.bots.step.duration",
    unit: "s",
    description: "How long one user action took, thinking time excluded, by journey and step",
  },
  TARGET: { name: "shop.bots.target", unit: "{action}/min", description: "Target rate of user actions" },
  ACHIEVED: {
    name: "shop.bots.achieved",
    unit: "{action}/min",
    description: "Rate of user actions completed over the last minute",
  },
  CONCURRENCY: { name: "shop.bots.concurrency", unit: "{session}", description: "Bot sessions running now" },
  BACKLOG: {
    name: "shop.bots.backlog",
    unit: "{action}",
    description: "User actions due but not started: the fleet is falling behind its target",
  },
} as const satisfies Record<string, BotMetricName>;

/** Label (attribute) names, identical in OpenTelemetry and Prometheus. */
export const BOT_LABEL = {
  JOURNEY: "journey",
  STEP: "step",
  PERSONA: "persona",
  OUTCOME: "outcome",
  KIND: "kind",
} as const;

/**
 * Step duration buckets in seconds: a quick click is tens of milliseconds, a checkout against a
 * slow payment provider several seconds, and the bots give up on an action at 30 s.
 */
export const STEP_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
