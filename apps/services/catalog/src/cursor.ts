// Keyset pagination cursors: the sort key and id of the last item shown, opaque to callers. A
// page never repeats or skips a product while the order holds, however deep the listing goes.
import { DomainError } from "@shop/service-kit";
import { z } from "zod";
import type { Sort } from "./schemas.ts";

const cursorSchema = z.object({ s: z.string(), k: z.union([z.number(), z.string()]), id: z.number().int() });
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(text: string, sort: Sort): Cursor {
  try {
    const cursor = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (cursor.s !== sort) throw new Error("cursor of another sort");
    return cursor;
  } catch {
    throw new DomainError("INVALID_INPUT", "cursor is not valid for this listing; start again without it");
  }
}
