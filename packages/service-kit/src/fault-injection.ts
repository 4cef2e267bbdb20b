// The service.errors failure mode: while the flag names this service, a `rate` share of its calls
// fail before their resolver runs, with an error that says it was injected. The flag is evaluated
// on every call inside the procedure's span, so each span says whether the flag was on.
import { evaluateFlag } from "@shop/flags";
import { DomainError } from "./domain-errors.ts";

/** Undefined when this call goes through; the injected failure when it does not. */
export async function injectedFault(service: string): Promise<DomainError | undefined> {
  const flag = await evaluateFlag("service.errors");
  if (flag === false || flag.service !== service) return undefined;
  // rate 1 fails every call and rate 0 none: Math.random() is in [0, 1).
  if (Math.random() >= flag.rate) return undefined;
  return new DomainError(
    "INJECTED_FAULT",
    `${service} failed on purpose: fault injected by the service.errors flag (rate ${String(flag.rate)})`,
    { details: { flag: "service.errors", rate: flag.rate } },
  );
}
