// Makes every flag evaluation visible on the span it happened in: a `feature_flag.evaluation`
// event per evaluation (OpenTelemetry's feature-flag semantic conventions), and, when a flag is
// on, the feature_flag.* attributes on the span itself so a trace search finds the affected spans.
import { trace } from "@opentelemetry/api";
import type { EvaluationDetails, FlagValue, Hook, HookContext } from "@openfeature/server-sdk";

export const FEATURE_FLAG_ATTR = {
  KEY: "feature_flag.key",
  VARIANT: "feature_flag.result.variant",
  VALUE: "feature_flag.result.value",
  PROVIDER: "feature_flag.provider.name",
  REASON: "feature_flag.result.reason",
} as const;

export const FEATURE_FLAG_EVENT = "feature_flag.evaluation";

export class SpanFlagHook implements Hook {
  after(context: HookContext, details: EvaluationDetails<FlagValue>) {
    const span = trace.getActiveSpan();
    if (!span) return;
    const attributes = {
      [FEATURE_FLAG_ATTR.KEY]: details.flagKey,
      [FEATURE_FLAG_ATTR.VARIANT]: details.variant ?? "off",
      [FEATURE_FLAG_ATTR.VALUE]: JSON.stringify(details.value),
      [FEATURE_FLAG_ATTR.PROVIDER]: context.providerMetadata.name,
      [FEATURE_FLAG_ATTR.REASON]: details.reason ?? "UNKNOWN",
    };
    span.addEvent(FEATURE_FLAG_EVENT, attributes);
    if (details.variant === "on") span.setAttributes(attributes);
  }
}
