import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  BodyTooLargeError,
  CorruptBodyError,
  UnsupportedEncodingError,
  contentCodingOf,
  decodeContent,
} from "./content-encoding.ts";

describe("content encoding", () => {
  it("knows identity and gzip only", () => {
    expect(contentCodingOf(undefined)).toBe("identity");
    expect(contentCodingOf(" GZIP ")).toBe("gzip");
    expect(() => contentCodingOf("zstd")).toThrow(UnsupportedEncodingError);
  });

  it("inflates gzip within the size limit", async () => {
    const text = "x".repeat(1000);
    expect((await decodeContent(gzipSync(text), "gzip", 1000)).toString()).toBe(text);
    await expect(decodeContent(gzipSync(text), "gzip", 999)).rejects.toThrow(BodyTooLargeError);
    await expect(decodeContent(Buffer.from("plain"), "gzip", 999)).rejects.toThrow(CorruptBodyError);
  });
});
