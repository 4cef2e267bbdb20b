import { describe, expect, it } from "vitest";
import { formatRumTable } from "./cli-format.ts";
import { rumEventOf } from "./rum-events.ts";
import { describeRumEvent } from "./rum-describe.ts";
import {
  RUM_TRACE_ID,
  SESSION_ID,
  clickEvent,
  errorEvent,
  networkRequestEvent,
  rumEvent,
  webVitalEvent,
} from "./rum-fixtures.ts";

const OBSERVED = "1700000009000000000";
const describeRaw = (raw: unknown) => describeRumEvent(rumEventOf(raw, OBSERVED));

describe("describeRumEvent", () => {
  it("says what each kind of event was about", () => {
    expect(describeRaw(networkRequestEvent(0, 503))).toBe("POST http://localhost:3000/api/trpc/cart.add 503");
    expect(describeRaw(webVitalEvent())).toBe("LCP 1234.568 (good)");
    expect(describeRaw(clickEvent())).toBe('click "Add to cart"');
    expect(describeRaw(errorEvent())).toBe(
      "TypeError: Cannot read properties of undefined (reading 'price')",
    );
    expect(
      describeRaw(rumEvent({ type: "log", context: { log_context: { message: "cart\nrestored" } } })),
    ).toBe("cart restored");
    expect(
      describeRaw(
        rumEvent({
          type: "custom-measurement",
          context: { custom_measurement_context: { name: "checkout_steps", value: 4 } },
        }),
      ),
    ).toBe("checkout_steps 4");
    expect(
      describeRaw(rumEvent({ type: "longtask", context: { longtask_context: { duration: 83.2 } } })),
    ).toBe("83.2 ms");
  });

  it("falls back to the page, and keeps a line short", () => {
    expect(describeRaw(rumEvent({ type: "dom" }))).toBe("http://localhost:3000/products/mug");
    expect(describeRaw(rumEvent({ type: "user-interaction" }))).toBe("http://localhost:3000/products/mug");
    expect(describeRaw({})).toBe("");
    const long = describeRaw(
      rumEvent({ type: "log", context: { log_context: { message: "x".repeat(500) } } }),
    );
    expect(long).toHaveLength(160);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("formatRumTable", () => {
  it("lines up time, type, session, trace and description", () => {
    const events = [networkRequestEvent(1500), { logs: "not an event" }].map((raw) =>
      rumEventOf(raw, OBSERVED),
    );
    expect(formatRumTable(events).split("\n")).toEqual([
      `TIME                      TYPE             SESSION                               TRACE ID                          DESCRIPTION`,
      `2023-11-14T22:13:21.500Z  network-request  ${SESSION_ID}  ${RUM_TRACE_ID}  POST http://localhost:3000/api/trpc/cart.add 200`,
      `2023-11-14T22:13:29.000Z  -                -                                     -`,
    ]);
    expect(formatRumTable([])).toBe("no RUM events");
  });
});
