// The resource and instrumentation scope every OTLP item is reported under.
import type { Attributes, SinkScope } from "./model.ts";
import { decodeAttributes, readMessage, readString } from "./otlp-values.ts";
import type { Message } from "./otlp-values.ts";

/** What an SDK reports when the process set no service.name. */
export const UNKNOWN_SERVICE = "unknown_service";

export interface ResourceContext {
  resource: Attributes;
  serviceName: string;
}

export function decodeResource(resourceItems: Message, path: string): ResourceContext {
  const resource = readMessage(resourceItems, "resource", path);
  const attributes = resource ? decodeAttributes(resource, "attributes", `${path}.resource`) : {};
  const serviceName = attributes["service.name"];
  return {
    resource: attributes,
    serviceName: typeof serviceName === "string" && serviceName !== "" ? serviceName : UNKNOWN_SERVICE,
  };
}

export function decodeScope(scopeItems: Message, path: string): SinkScope {
  const scope = readMessage(scopeItems, "scope", path);
  if (!scope) return { name: "" };
  const name = readString(scope, "name", `${path}.scope`);
  const version = readString(scope, "version", `${path}.scope`);
  return version ? { name, version } : { name };
}
