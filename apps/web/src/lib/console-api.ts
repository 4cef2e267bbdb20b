"use client";
// The console page's calls to /api/console. The HttpOnly console cookie authenticates them: the
// page's scripts never see the token.
import type { ConsoleStatus } from "../server/console/console-service.ts";

export type ConsoleAnswer<T> =
  { ok: true; data: T } | { ok: false; status: number; message: string; fields: Record<string, string[]> };

export async function consoleCall<T = unknown>(path: string, body?: unknown): Promise<ConsoleAnswer<T>> {
  try {
    const response = await fetch(`/api/console/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
      cache: "no-store",
    });
    const json = (await response.json().catch(() => ({}))) as {
      error?: string;
      fieldErrors?: Record<string, string[]>;
    };
    if (response.ok) return { ok: true, data: json as T };
    return {
      ok: false,
      status: response.status,
      message:
        response.status === 401
          ? "The console session ended: open /console?token=… again."
          : (json.error ?? `The console answered ${String(response.status)}.`),
      fields: json.fieldErrors ?? {},
    };
  } catch {
    return { ok: false, status: 0, message: "The storefront did not answer.", fields: {} };
  }
}

export const fetchConsoleStatus = () => consoleCall<ConsoleStatus>("status");
