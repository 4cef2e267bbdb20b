// Every link of the shop. Next's default prefetches each link's page as it scrolls into view: on a
// page of dynamic, per-request pages that is a dozen server renders (and traces) per page view that
// nobody asked for. Here a page is rendered when a shopper clicks, so one click is one trace.
import Link from "next/link";
import type { ComponentProps } from "react";

export function ShopLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
