// What other packages may import: the router factory, the router's type for typed clients
// (`createServiceClient<PaymentRouter>`), the simulated processor and its test cards (checkout's
// tests build a payment router in process, and bots pick cards by the outcome they want).
export { createPaymentRouter } from "./router.ts";
export type { PaymentRouter, PaymentRouterDeps } from "./router.ts";
export type { ChargeResult, Payment } from "./payment.ts";
export { createSimulatedProcessor } from "./card-processor.ts";
export type { Authorization, AuthorizationRequest, CardProcessor } from "./card-processor.ts";
export { APPROVED_TEST_CARDS, REFUSED_TEST_CARDS } from "./test-cards.ts";
