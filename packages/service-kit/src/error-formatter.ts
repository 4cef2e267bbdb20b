// How a failed procedure looks to its caller, in one place. Internals never leave a service: a
// server error says "Internal server error" and carries no stack. What a caller can act on does:
// the domain code and whether it is an expected outcome (for relaying), safe details, and for
// bad input a message per field.
import type { TRPCError } from "@trpc/server";
import type { TRPCDefaultErrorShape as DefaultErrorShape } from "@trpc/server";
import { DomainError } from "./domain-errors.ts";
import type { DomainCode } from "./domain-errors.ts";

export interface ServiceErrorData {
  code: DefaultErrorShape["data"]["code"];
  httpStatus: number;
  path?: string;
  domainCode?: DomainCode;
  expected: boolean;
  details?: Record<string, unknown>;
  /** Bad input: messages by field path ("address.postalCode"). */
  fieldErrors?: Record<string, string[]>;
}

export interface ServiceErrorShape {
  message: string;
  code: DefaultErrorShape["code"];
  data: ServiceErrorData;
}

interface Issue {
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  message: string;
}

/** Validation issues (zod / Standard Schema) grouped by field path. */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  const out: Record<string, string[]> = {};
  for (const issue of issues as Issue[]) {
    const key =
      (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)).join(".") ||
      "(input)";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Field messages a downstream service gave, relayed by fromDownstream. */
function relayedFieldErrors(domain: DomainError | undefined): Record<string, string[]> | undefined {
  const fieldErrors = domain?.details?.fieldErrors;
  return typeof fieldErrors === "object" && fieldErrors !== null
    ? (fieldErrors as Record<string, string[]>)
    : undefined;
}

export function formatServiceError({
  shape,
  error,
}: {
  shape: DefaultErrorShape;
  error: TRPCError;
}): ServiceErrorShape {
  const domain = error instanceof DomainError ? error : undefined;
  const fieldErrors =
    error.code === "BAD_REQUEST" ? (fieldErrorsOf(error.cause) ?? relayedFieldErrors(domain)) : undefined;
  const hidden = shape.data.httpStatus >= 500 && !domain;
  return {
    code: shape.code,
    message: hidden ? "Internal server error" : fieldErrors ? "Invalid input" : shape.message,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      ...(shape.data.path ? { path: shape.data.path } : {}),
      ...(domain ? { domainCode: domain.domainCode } : {}),
      expected: domain?.expected ?? false,
      ...(domain?.details ? { details: domain.details } : {}),
      ...(fieldErrors ? { fieldErrors } : {}),
    },
  };
}
