import { describe, expect, it } from "vitest";
import { findSensitiveData, passesLuhn } from "./sensitive-data.ts";

const kinds = (text: string, known = {}) => findSensitiveData(text, known).map((finding) => finding.kind);

describe("findSensitiveData", () => {
  it("finds a typed card number in any of its written forms", () => {
    const known = { cardNumbers: ["4242 4242 4242 4242"] };
    for (const form of ["4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242"])
      expect(kinds(`{"card":"${form}"}`, known), form).toContain("card");
  });

  it("finds any other Luhn-valid 13-19 digit run, but not timestamps, hex ids or Luhn-invalid runs", () => {
    expect(kinds('{"pan":"5555555555554444"}')).toEqual(["luhn"]);
    expect(kinds("charged 4000 0000 0000 0002 today")).toEqual(["luhn"]);
    expect(passesLuhn("1764147600000000001")).toBe(true);
    expect(kinds('{"timeUnixNano":"1764147600000000001"}')).toEqual([]);
    expect(kinds('{"traceId":"a4242424242424242b"}')).toEqual([]);
    expect(kinds('{"n":"4242424242424241"}')).toEqual([]);
    // Span ids that happen to be all digits (and Luhn-valid): ids, under whatever key spelling.
    for (const key of ["spanId", "parentSpanId", "span_id", "parent_span_id", "trace_id"])
      expect(kinds(`{"${key}":"4935476869422877"}`), key).toEqual([]);
    expect(kinds('{"note":"4935476869422877"}')).toEqual(["luhn"]);
    expect(
      kinds('{"value":1.016338840000281,"min":0.0016049310000000002,"id":"v4-1795687384274-2488596979125"}'),
    ).toEqual([]);
  });

  it("finds a CVC beside its name, escaped in nested JSON or in a query string", () => {
    expect(kinds('{"cvc":"123"}')).toEqual(["cvc"]);
    expect(kinds(JSON.stringify({ body: JSON.stringify({ card: { cvc: "987" } }) }))).toEqual(["cvc"]);
    expect(kinds("/pay?cvv=1234&x=1")).toEqual(["cvc"]);
    expect(kinds('{"cvc":"[REDACTED]"}', { cvc: "123" })).toEqual([]);
    expect(kinds('{"status":123,"count":"123"}', { cvc: "123" })).toEqual([]);
  });

  it("finds email addresses, plain or URL-encoded, and the known ones", () => {
    expect(kinds("order for robin.tester@example.com placed")).toEqual(["email"]);
    expect(kinds('?input={"email":"robin%40example.com"}')).toEqual(["email"]);
    expect(kinds("postgresql://postgres@127.0.0.1:5432/shop")).toEqual([]);
    expect(kinds("@shop/telemetry and next@16.1.0")).toEqual([]);
  });

  it("finds bearer credentials and known secrets such as cookie values", () => {
    expect(kinds("authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc")).toEqual(["bearer"]);
    expect(kinds("authorization: Bearer [REDACTED]")).toEqual([]);
    expect(kinds("cart_id=Zm9vYmFyYmF6cXV4cXV1eA", { secrets: ["Zm9vYmFyYmF6cXV4cXV1eA", "short"] })).toEqual(
      ["secret"],
    );
  });

  it("finds nothing in clean telemetry", () => {
    expect(
      findSensitiveData(
        JSON.stringify({
          name: "checkout/placeOrder",
          attributes: { "shop.order.value": 129.5, "http.status_code": 200, email: "[REDACTED]" },
          startTimeUnixNano: "1764147600123456789",
        }),
        { cardNumbers: ["4242 4242 4242 4242"], cvc: "123", emails: ["a@example.com"] },
      ),
    ).toEqual([]);
  });
});
