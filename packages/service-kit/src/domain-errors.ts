// The shop's domain errors, in one table: what each means to a caller (the tRPC code, hence the
// HTTP status) and whether it is an expected business outcome (a declined card is the shop
// working as intended, not a failure: telemetry records it as shop.outcome, never as ERROR).
// Services throw DomainError; being a TRPCError, it reaches the caller with the right code.
import { TRPCError } from "@trpc/server";

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]["code"];

export const DOMAIN_ERRORS = {
  NOT_FOUND: { trpc: "NOT_FOUND", expected: false },
  INVALID_INPUT: { trpc: "BAD_REQUEST", expected: false },
  CONFLICT: { trpc: "CONFLICT", expected: false },
  OUT_OF_STOCK: { trpc: "CONFLICT", expected: true },
  QUANTITY_LIMIT: { trpc: "UNPROCESSABLE_CONTENT", expected: true },
  PAYMENT_DECLINED: { trpc: "UNPROCESSABLE_CONTENT", expected: true },
  CART_EMPTY: { trpc: "UNPROCESSABLE_CONTENT", expected: true },
  DEPENDENCY_TIMEOUT: { trpc: "GATEWAY_TIMEOUT", expected: false },
  DEPENDENCY_UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", expected: false },
  DEPENDENCY_FAILED: { trpc: "BAD_GATEWAY", expected: false },
  // Backpressure: the service is saturated (no database connection within the acquire timeout)
  // and sheds the call; the answer carries Retry-After. Not expected: overload is an error.
  SERVICE_BUSY: { trpc: "SERVICE_UNAVAILABLE", expected: false },
  // A failure the service.errors flag made on purpose (a scenario), so it reads as one.
  INJECTED_FAULT: { trpc: "INTERNAL_SERVER_ERROR", expected: false },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", expected: false },
} as const satisfies Record<string, { trpc: TrpcCode; expected: boolean }>;

export type DomainCode = keyof typeof DOMAIN_ERRORS;

export function isDomainCode(value: unknown): value is DomainCode {
  return typeof value === "string" && Object.hasOwn(DOMAIN_ERRORS, value);
}

export class DomainError extends TRPCError {
  readonly domainCode: DomainCode;
  /** An expected business outcome rather than a failure. */
  readonly expected: boolean;
  /** Safe, structured facts for the caller (never secrets): e.g. { productId, available }. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: DomainCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super({ code: DOMAIN_ERRORS[code].trpc, message, cause: options.cause });
    this.name = "DomainError";
    this.domainCode = code;
    this.expected = DOMAIN_ERRORS[code].expected;
    this.details = options.details;
  }
}
