export { pressCtrlC, processesUsing, startDemo, stopDemo, waitForOutput } from "./demo-process.ts";
export type { DemoProcess } from "./demo-process.ts";
export { DEMO_SERVICES, demoServiceUrls } from "../demo-services.ts";
