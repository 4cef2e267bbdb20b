import { describe, expect, it } from "vitest";
import { RingBuffer } from "./ring-buffer.ts";

describe("RingBuffer", () => {
  it("keeps the newest items in order, evicting and counting the oldest", () => {
    const buffer = new RingBuffer<number>(3);
    expect([buffer.push(1), buffer.push(2), buffer.push(3)]).toEqual([undefined, undefined, undefined]);
    expect(buffer.toArray()).toEqual([1, 2, 3]);
    expect(buffer.push(4)).toBe(1);
    expect(buffer.push(5)).toBe(2);
    expect(buffer.toArray()).toEqual([3, 4, 5]);
    expect([buffer.size, buffer.evicted, buffer.capacity]).toEqual([3, 2, 3]);
    for (let i = 6; i <= 100; i++) buffer.push(i);
    expect([...buffer]).toEqual([98, 99, 100]);
    expect(buffer.evicted).toBe(97);
  });

  it("starts over when cleared", () => {
    const buffer = new RingBuffer<string>(2);
    buffer.push("a");
    buffer.push("b");
    buffer.push("c");
    buffer.clear();
    expect([buffer.size, buffer.evicted, buffer.toArray()]).toEqual([0, 0, []]);
    buffer.push("d");
    expect(buffer.toArray()).toEqual(["d"]);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new RingBuffer(0)).toThrow("ring buffer capacity must be a positive integer, got 0");
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
