"use client";
// When even the layout fails (its own data could not load): a bare page that still helps.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          padding: "3rem 1rem",
          maxWidth: "40rem",
          margin: "0 auto",
        }}
      >
        <h1>Sorry, the shop is unavailable</h1>
        <p>Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
