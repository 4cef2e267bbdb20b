"use client";
// The storefront's few calls into the RUM SDK, safe before (or without) initialisation: the SDK is
// loaded after the first paint, and a page must never fail because telemetry is missing.
import type { CoralogixRum as Rum } from "@coralogix/browser";

let rum: typeof Rum | undefined;

export function attachRum(instance: typeof Rum) {
  rum = instance;
}

/** Adds labels to every later RUM event of this page view (persona, campaign, synthetic...). */
export function addRumLabels(labels: Record<string, string>) {
  if (!rum?.isInited) return;
  rum.setLabels({ ...rum.getLabels(), ...labels });
}

/**
 * Names the shopper once they give an email: a stable pseudonymous id (a hash), never the address
 * itself, which stays out of telemetry like every other personal detail.
 */
export async function identifyShopper(email: string) {
  if (!rum?.isInited) return;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(email.trim().toLowerCase()));
  const id = Array.from(new Uint8Array(digest).slice(0, 12), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
  rum.setUserContext({ user_id: `shopper-${id}`, user_name: `shopper-${id.slice(0, 8)}` });
}

export function rumMeasurement(name: string, value: number) {
  if (rum?.isInited) rum.sendCustomMeasurement(name, value);
}

export function startRumTiming(name: string, labels?: Record<string, string>) {
  if (rum?.isInited) rum.startTimeMeasure(name, labels);
}

export function endRumTiming(name: string) {
  if (rum?.isInited) rum.endTimeMeasure(name);
}
