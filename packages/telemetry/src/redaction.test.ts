import { describe, expect, it } from "vitest";
import { REDACTED, redactAttribute, redactDeep, redactString } from "./redaction.ts";

describe("redaction", () => {
  it("removes card numbers that pass the Luhn check, in any spacing", () => {
    expect(redactString("card 4242 4242 4242 4242 declined")).toBe("card [REDACTED:card] declined");
    expect(redactString("4000-0000-0000-0002")).toBe("[REDACTED:card]");
    expect(redactString("pan=5555555555554444;")).toBe("pan=[REDACTED:card];");
  });

  it("keeps long numbers that are not card numbers (order ids, timestamps)", () => {
    expect(redactString("took 1732594800123 ns")).toBe("took 1732594800123 ns");
    expect(redactString("ORD-7F3K92QX")).toBe("ORD-7F3K92QX");
  });

  it("removes email addresses and bearer credentials", () => {
    expect(redactString("no order for jane.doe@example.com")).toBe("no order for [REDACTED:email]");
    expect(redactString("Authorization: Bearer abc.def.ghi")).toBe("Authorization: Bearer [REDACTED]");
  });

  it("removes URL-encoded email addresses, as in a tRPC query's input", () => {
    const url = "http://orders/get?input=%7B%22json%22%3A%7B%22email%22%3A%22jane.doe%40example.com%22%7D%7D";
    const clean = redactString(url);
    expect(clean).not.toContain("jane.doe");
    expect(clean).toContain("[REDACTED:email]");
  });

  it("removes secrets from query strings, keeping the rest of the URL", () => {
    expect(redactString("http://127.0.0.1:3000/console?token=s3cr3t-console-token&tab=flags")).toBe(
      "http://127.0.0.1:3000/console?token=[REDACTED]&tab=flags",
    );
    expect(redactString("/api/x?page=2&api_key=abc123")).toBe("/api/x?page=2&api_key=[REDACTED]");
    expect(redactString("/c/kitchen?sort=popular&tokens=3")).toBe("/c/kitchen?sort=popular&tokens=3");
  });

  it("removes passwords from connection strings, keeping the rest readable", () => {
    expect(redactString("connect postgres://admin:hunter2@db:5432/shop failed")).toBe(
      "connect postgres://admin:[REDACTED]@db:5432/shop failed",
    );
    expect(redactString("redis://default:s3cret@cache:6379")).toBe("redis://default:[REDACTED]@cache:6379");
  });

  it("drops the value of keys that name a secret, whatever the value", () => {
    expect(redactAttribute("http.request.header.authorization", ["x"])).toBe(REDACTED);
    expect(redactAttribute("user.email", "a")).toBe(REDACTED);
    expect(redactAttribute("payment.cvc", 123)).toBe(REDACTED);
    expect(redactAttribute("shop.payment.card_brand", "VISA")).toBeUndefined();
    expect(redactAttribute("db.query.text", "select 1")).toBeUndefined();
  });

  it("cleans nested log fields", () => {
    expect(
      redactDeep({
        req: { headers: { cookie: "s=1", host: "shop" } },
        msg: "paid with 4242424242424242",
        n: 3,
      }),
    ).toEqual({
      req: { headers: { cookie: REDACTED, host: "shop" } },
      msg: "paid with [REDACTED:card]",
      n: 3,
    });
  });
});
