import { describe, expect, it } from "vitest";
import {
  QueryParameterError,
  parseLogQuery,
  parseRumEventQuery,
  parseRumRecordingQuery,
  parseSpanQuery,
  parseTraceQuery,
} from "./query-params.ts";

const params = (query: string) => new URLSearchParams(query);

describe("query parameters", () => {
  it("become typed queries", () => {
    expect(parseTraceQuery(params(""))).toEqual({});
    expect(parseTraceQuery(params("service=cart&limit=5"))).toEqual({ service: "cart", limit: 5 });
    expect(
      parseSpanQuery(
        params(`traceId=${"A".repeat(32)}&kind=span_kind_client&attr.http.route=/cart&attr.__proto__=x`),
      ),
    ).toEqual({
      traceId: "a".repeat(32),
      kind: "CLIENT",
      attributes: Object.fromEntries([
        ["http.route", "/cart"],
        ["__proto__", "x"],
      ]),
    });
    expect(parseLogQuery(params("minSeverity=warn&contains=Declined"))).toEqual({
      minSeverity: 13,
      contains: "Declined",
    });
    expect(parseLogQuery(params("minSeverity=ERROR2"))).toEqual({ minSeverity: 18 });
    expect(parseLogQuery(params("minSeverity=0"))).toEqual({ minSeverity: 0 });
    expect(parseRumEventQuery(params(`type=web-vitals&session=s1&trace=${"AB".repeat(16)}&limit=3`))).toEqual(
      {
        type: "web-vitals",
        session: "s1",
        trace: "ab".repeat(16),
        limit: 3,
      },
    );
    expect(parseRumRecordingQuery(params("session=s1"))).toEqual({ session: "s1" });
  });

  it("are refused when unknown, repeated or malformed", () => {
    expect(() => parseTraceQuery(params("attr.x=1"))).toThrow('Unrecognized key: "attr.x"');
    expect(() => parseSpanQuery(params("attr.a=1&attr.a=2"))).toThrow(
      'query parameter "attr.a" is given more than once',
    );
    expect(() => parseLogQuery(params("minSeverity=25"))).toThrow(QueryParameterError);
    expect(() => parseTraceQuery(params("limit=100001"))).toThrow("limit must be at most 100000");
    expect(() => parseRumEventQuery(params("trace=123"))).toThrow("trace must be 32 hex characters");
    expect(() => parseRumEventQuery(params("traceId=" + "a".repeat(32)))).toThrow(
      "(allowed: type, session, trace, limit)",
    );
    expect(() => parseRumRecordingQuery(params("type=error"))).toThrow('Unrecognized key: "type"');
    expect(() => parseTraceQuery(params("limit=-1"))).toThrow(
      "bad query parameters: limit must be a positive integer (allowed: service, limit)",
    );
  });
});
