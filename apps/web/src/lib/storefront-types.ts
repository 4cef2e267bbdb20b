// Shapes the client components receive, as the storefront API returns them.
import type { inferRouterOutputs } from "@trpc/server";
import type { StorefrontRouter } from "../server/routers/root.ts";

type Outputs = inferRouterOutputs<StorefrontRouter>;

export type CartData = Outputs["cart"]["get"];
export type Country = Outputs["cart"]["countries"][number];
export type ShippingOptions = Outputs["cart"]["shippingOptions"];
