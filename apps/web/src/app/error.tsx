"use client";
// A page that failed to render (a service down, a timeout): apologise, offer a retry. The error's
// details stay on the server (traces and logs); the digest ties this page to them.
// A shop that is shedding load (a service answered 503 SERVICE_BUSY) gets the polite busy notice.
import { BusyNotice } from "../components/busy-notice.tsx";
import { ShopLink } from "../components/shop-link.tsx";
import { isBusyDigest } from "../lib/busy.ts";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  if (isBusyDigest(error.digest)) return <BusyNotice onRetry={reset} />;
  return (
    <div style={{ padding: "3rem 0" }} role="alert">
      <h1>Sorry, something went wrong</h1>
      <p>The shop could not load this page just now. It is usually back within moments.</p>
      <p>
        <button className="button" type="button" onClick={reset}>
          Try again
        </button>{" "}
        <ShopLink href="/">Go to the home page</ShopLink>
      </p>
      {error.digest && <p className="hint">Reference: {error.digest}</p>}
    </div>
  );
}
