// Waiting on state, never on a fixed sleep (the shared helper).
export { waitFor } from "@shop/service-kit/testing";
