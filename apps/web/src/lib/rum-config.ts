// What the browser's RUM SDK is told, chosen on the server from env (webEnv) and handed to the
// client as props. Nothing secret: the RUM key is added by the proxy route, never put in the page.
export interface PublicRumConfig {
  application: string;
  version: string;
  environment: string;
  coralogixDomain: string;
  /** Same-origin RUM proxy (src/app/api/rum/route.ts). */
  proxyUrl: string;
  /** A self-hosted session-recording worker (air-gapped sites), else the SDK's inline one. */
  workerUrl: string | undefined;
}
