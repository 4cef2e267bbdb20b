// The processor call as a span of its own, as a real processor's HTTP call would have: its
// duration is the processor's answer time (payment.degraded's extra latency shows here, apart
// from the database work around it), and an answer that never came is an ERROR with error.type.
// Only the card's brand is recorded: never its number, expiry or CVC.
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { ATTR, PAYMENT_PROCESSOR_ATTR } from "@shop/telemetry/names";
import type { CardProcessor } from "./card-processor.ts";

const tracer = trace.getTracer("@shop/payment-service");

export const PROCESSOR_SPAN = "payment.processor authorize";

export function tracedProcessor(processor: CardProcessor): CardProcessor {
  return {
    maxLatencyMs: processor.maxLatencyMs,
    authorize: (request) =>
      tracer.startActiveSpan(
        PROCESSOR_SPAN,
        { kind: SpanKind.CLIENT, attributes: { [PAYMENT_PROCESSOR_ATTR.CARD_BRAND]: request.card.brand } },
        async (span) => {
          try {
            const authorization = await processor.authorize(request);
            span.setAttribute(PAYMENT_PROCESSOR_ATTR.RESULT, authorization.outcome);
            return authorization;
          } catch (error) {
            const failure = error instanceof Error ? error : new Error(String(error));
            span.recordException(failure);
            span.setAttribute(ATTR.ERROR_TYPE, failure.name);
            span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
  };
}
