// RUM events shaped as @coralogix/browser 3.23.5 sends them (its `_mapToCxSpan`), trimmed to the
// fields a reader needs, for the unit and integration tests.

export const SESSION_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
export const OTHER_SESSION_ID = "0b5c2d0e-3f9a-4f3e-8d2b-1a6c9e7f4d21";
export const RUM_TRACE_ID = "5b8efff798038103d269b633813fc60c";
export const RUM_SPAN_ID = "eee19b7ec3c1b174";
/** 2023-11-14T22:13:20.000Z */
export const RUM_TIME_MS = 1_700_000_000_000;

export interface RumEventFields {
  type: string;
  /** Merged into `text.cx_rum`, e.g. a network_request_context. */
  context?: Record<string, unknown>;
  /** Milliseconds after RUM_TIME_MS. */
  atMs?: number;
  severity?: number;
  sessionId?: string;
}

export function rumEvent({
  type,
  context = {},
  atMs = 0,
  severity = 3,
  sessionId = SESSION_ID,
}: RumEventFields) {
  const timestamp = RUM_TIME_MS + atMs;
  const versionMetadata = { app_name: "storefront", app_version: "1.4.0" };
  return {
    version_metadata: versionMetadata,
    applicationName: "storefront",
    subsystemName: "cx_rum",
    isErrorWithStacktrace: false,
    severity,
    timestamp,
    text: {
      cx_rum: {
        fingerPrint: "c3f1e0b2",
        platform: "browser",
        timestamp,
        browser_sdk: { version: "3.23.5" },
        version_metadata: versionMetadata,
        session_context: {
          user_id: "",
          session_id: sessionId,
          session_creation_date: RUM_TIME_MS - 60_000,
          hasRecording: true,
          hasScreenshot: false,
          user_agent: "Mozilla/5.0 (X11; Linux x86_64)",
          onlyWithErrorMode: false,
        },
        page_context: {
          page_url: "http://localhost:3000/products/mug",
          page_fragments: "/products/mug",
        },
        isNavigationEvent: false,
        event_context: { type, source: "code", severity },
        labels: { team: "storefront" },
        environment: "development",
        view_number: 1,
        ...context,
      },
    },
  };
}

/** A fetch the SDK traced: it sets traceId and spanId from the span it propagated. */
export function networkRequestEvent(atMs = 0, status = 200) {
  return rumEvent({
    type: "network-request",
    atMs,
    severity: status >= 500 ? 5 : 3,
    context: {
      traceId: RUM_TRACE_ID,
      spanId: RUM_SPAN_ID,
      network_request_context: {
        method: "POST",
        status_code: status,
        url: "http://localhost:3000/api/trpc/cart.add",
        url_blueprint: "http://localhost:3000/api/trpc/cart.add",
        fragments: "/api/trpc/cart.add",
        host: "localhost:3000",
        schema: "http",
        duration: 42.5,
        source: "fetch",
      },
    },
  });
}

export function webVitalEvent(atMs = 0) {
  return rumEvent({
    type: "web-vitals",
    atMs,
    context: {
      web_vitals_context: {
        name: "LCP",
        value: 1234.5678,
        rating: "good",
        delta: 1234.5678,
        id: "v4-1700000000000-1",
        navigationType: "navigate",
      },
    },
  });
}

export function clickEvent(atMs = 0) {
  return rumEvent({
    type: "user-interaction",
    atMs,
    context: {
      interaction_context: {
        target_element: "BUTTON",
        event_name: "click",
        target_element_inner_text: "Add to cart",
        element_id: "add-to-cart",
        element_classes: "btn primary",
        target_element_type: "submit",
      },
    },
  });
}

export function errorEvent(atMs = 0) {
  return rumEvent({
    type: "error",
    atMs,
    severity: 5,
    context: {
      error_context: {
        error_type: "TypeError",
        error_message: "Cannot read properties of undefined (reading 'price')",
        original_stacktrace: "TypeError: Cannot read properties of undefined\n    at cart.tsx:12:3",
      },
      labels: { team: "storefront", release: "canary" },
    },
  });
}

/** The body of `POST /browser/v1beta/logs`. */
export function rumBatch(events: unknown[]) {
  return { logs: events, skip_enrichment_with_ip: true };
}

/** The `metaData` field of a recording segment, as the SDK's getMetadata builds it. */
export function recordingMetadata(segmentIndex: number, sessionId = SESSION_ID) {
  return {
    segmentIndex,
    segmentSize: 0,
    segmentTimestamp: RUM_TIME_MS + segmentIndex * 10_000,
    sessionCreationDate: RUM_TIME_MS - 60_000,
    sessionId,
    application: "storefront",
    subIndex: -1,
  };
}
