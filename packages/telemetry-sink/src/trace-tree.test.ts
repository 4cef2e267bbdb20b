import { describe, expect, it } from "vitest";
import { span } from "./test-fixtures.ts";
import { renderTraceTree } from "./trace-tree.ts";

describe("renderTraceTree", () => {
  it("nests children under parents by start time, marks errors and orphans, shows key attributes", () => {
    const spans = [
      // Given out of order on purpose: the tree orders by start time.
      span(
        {
          spanId: "0000000000000003",
          parentSpanId: "0000000000000002",
          name: "SELECT shop.products",
          kind: "CLIENT",
          serviceName: "catalog",
          attributes: {
            "db.system.name": "postgresql",
            "db.query.text": `SELECT id, name, price_minor, currency\n  FROM products\n WHERE category_id = $1 ORDER BY name LIMIT 24`,
          },
        },
        { startMs: 12, durationMs: 3.25 },
      ),
      span(
        {
          spanId: "0000000000000001",
          name: "GET /products",
          kind: "SERVER",
          attributes: {
            "http.request.method": "GET",
            "http.route": "/products",
            "url.path": "/products",
            "http.response.status_code": 200,
            "user_agent.original": "not shown",
          },
        },
        { startMs: 0, durationMs: 120 },
      ),
      span(
        {
          spanId: "0000000000000002",
          parentSpanId: "0000000000000001",
          name: "catalog.list",
          kind: "SERVER",
          serviceName: "catalog",
          attributes: { "rpc.method": "list" },
        },
        { startMs: 10, durationMs: 20 },
      ),
      span(
        {
          spanId: "0000000000000004",
          parentSpanId: "0000000000000001",
          name: "recommendations.forCart",
          kind: "CLIENT",
          status: { code: "ERROR", message: "upstream timed out" },
        },
        { startMs: 40, durationMs: 1500 },
      ),
      span(
        {
          spanId: "0000000000000005",
          parentSpanId: "00000000000000ff",
          name: "cache.get",
          kind: "CLIENT",
          serviceName: "cart",
          status: { code: "ERROR" },
        },
        { startMs: 50, durationMs: 0.4 },
      ),
    ];

    expect(renderTraceTree(spans)).toBe(
      [
        "GET /products (web, SERVER, 120.0 ms) http.request.method=GET http.route=/products url.path=/products http.response.status_code=200",
        "├─ catalog.list (catalog, SERVER, 20.0 ms) rpc.method=list",
        '│  └─ SELECT shop.products (catalog, CLIENT, 3.25 ms) db.system.name=postgresql db.query.text="SELECT id, name, price_minor, currency FROM products WHERE category_id = $1 ORDE…"',
        '└─ recommendations.forCart (web, CLIENT, 1500.0 ms) ERROR "upstream timed out"',
        "cache.get (cart, CLIENT, 0.40 ms) (parent not received) ERROR",
      ].join("\n"),
    );
  });

  it("renders an empty trace as nothing and a cycle without losing spans", () => {
    expect(renderTraceTree([])).toBe("");
    const cycle = [
      span({ spanId: "000000000000000a", parentSpanId: "000000000000000b", name: "a" }),
      span({ spanId: "000000000000000b", parentSpanId: "000000000000000a", name: "b" }, { startMs: 1 }),
    ];
    expect(renderTraceTree(cycle)).toBe(
      ["a (web, INTERNAL, 1.00 ms) (parent cycle)", "└─ b (web, INTERNAL, 1.00 ms)"].join("\n"),
    );
  });
});
