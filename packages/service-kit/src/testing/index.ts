// Test helpers shared by the services' tests (not part of the services' runtime).
export { waitFor } from "./wait-for.ts";
export { runServiceProcess, startServiceProcess } from "./service-process.ts";
export type { ServiceProcess } from "./service-process.ts";
export { callProcedure, overTheWire } from "./raw-procedure-call.ts";
export { freePortBlock } from "./free-ports.ts";
export { itRejectsMalformedInput } from "./malformed-input.ts";
export type { MalformedInputCase } from "./malformed-input.ts";
