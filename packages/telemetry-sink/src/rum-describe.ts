// A RUM event in a few words, for the CLI's table: what a person scanning a session wants to see
// of each type (the URL of a request, a web vital's value, the action clicked), read from the raw
// event with the same leniency as the extraction.
import { jsonText } from "./json-text.ts";
import { numberAt, stringAt, valueAt } from "./json-fields.ts";
import type { JsonObject } from "./json-fields.ts";
import type { SinkRumEvent } from "./model.ts";
import { cxRumOf } from "./rum-events.ts";

const MAX_CHARS = 160;

/** Numbers as people read them: at most three decimals. */
function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function numberText(rum: JsonObject | undefined, path: readonly string[]): string | undefined {
  const value = numberAt(rum, path);
  return value === undefined ? stringAt(rum, path) : formatNumber(value);
}

function joined(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== "").join(" ");
}

function quoted(text: string | undefined): string | undefined {
  return text === undefined ? undefined : JSON.stringify(text.replace(/\s+/g, " ").trim());
}

function networkRequest(rum: JsonObject | undefined, event: SinkRumEvent): string {
  const context = ["network_request_context"];
  return joined(
    stringAt(rum, [...context, "method"]),
    event.networkRequestUrl,
    numberText(rum, [...context, "status_code"]),
  );
}

function webVital(rum: JsonObject | undefined): string {
  const context = ["web_vitals_context"];
  const rating = stringAt(rum, [...context, "rating"]);
  return joined(
    stringAt(rum, [...context, "name"]),
    numberText(rum, [...context, "value"]),
    rating === undefined ? undefined : `(${rating})`,
  );
}

function userInteraction(rum: JsonObject | undefined): string {
  const context = ["interaction_context"];
  // The SDK's names for what was acted on, the most deliberate first.
  const action =
    stringAt(rum, [...context, "cx_action_name"]) ??
    stringAt(rum, [...context, "resolved_name"]) ??
    stringAt(rum, [...context, "target_element_inner_text"]) ??
    stringAt(rum, [...context, "element_id"]) ??
    stringAt(rum, [...context, "target_element"]);
  return joined(stringAt(rum, [...context, "event_name"]), quoted(action));
}

function error(rum: JsonObject | undefined): string {
  const type = stringAt(rum, ["error_context", "error_type"]);
  const message = stringAt(rum, ["error_context", "error_message"]);
  return type !== undefined && message !== undefined ? `${type}: ${message}` : (message ?? type ?? "");
}

function byType(event: SinkRumEvent, rum: JsonObject | undefined): string {
  switch (event.type) {
    case "network-request":
      return networkRequest(rum, event);
    case "web-vitals":
      return webVital(rum);
    case "user-interaction":
      return userInteraction(rum);
    case "error":
      return error(rum);
    case "log":
      return stringAt(rum, ["log_context", "message"]) ?? "";
    case "custom-measurement":
      return joined(
        stringAt(rum, ["custom_measurement_context", "name"]),
        numberText(rum, ["custom_measurement_context", "value"]),
      );
    case "longtask": {
      const duration = numberAt(rum, ["longtask_context", "duration"]);
      return duration === undefined ? "" : `${formatNumber(duration)} ms`;
    }
    case "resources":
      return stringAt(rum, ["resource_context", "name"]) ?? "";
    case "internal": {
      const name = stringAt(rum, ["internal_context", "event"]);
      const data = valueAt(rum, ["internal_context", "data"]);
      return joined(name, data === undefined ? undefined : jsonText(data));
    }
    default:
      return "";
  }
}

/** One line describing the event; the page it happened on when its type says nothing more. */
export function describeRumEvent(event: SinkRumEvent): string {
  const text = (byType(event, cxRumOf(event.raw)) || event.pageUrl) ?? "";
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line;
}
