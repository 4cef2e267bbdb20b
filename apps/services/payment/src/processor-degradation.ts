// payment.degraded: while it is on, the simulated processor answers extraLatencyMs slower and
// fails errorRate of its charges outright (an outage, not a decline: nothing is charged and the
// shopper may try again). The flag is evaluated inside the processor's span, so the evaluation,
// the longer answer and the failure all show on the same span.
import { evaluateFlag, FLAG_DEFINITIONS } from "@shop/flags";

export interface ProcessorDegradation {
  extraLatencyMs: number;
  /** The share of charges (0 to 1) that fail with ProcessorUnavailableError. */
  errorRate: number;
}

const NORMAL: ProcessorDegradation = { extraLatencyMs: 0, errorRate: 0 };

/**
 * The most the flag can slow an answer by: a charge's transaction stays open while the processor
 * answers, so its timeout must allow for it (read from the flag's own schema, so they agree).
 */
export const MAX_EXTRA_LATENCY_MS =
  FLAG_DEFINITIONS["payment.degraded"].schema.shape.extraLatencyMs.maxValue ?? 10_000;

/** How degraded the processor is now; the evaluation is recorded on the active span. */
export async function processorDegradation(): Promise<ProcessorDegradation> {
  const degraded = await evaluateFlag("payment.degraded");
  return degraded === false ? NORMAL : degraded;
}
