import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium, never a downloaded browser. The extra flags stop Chromium's own background
 * traffic, which this machine's closed network refuses.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
