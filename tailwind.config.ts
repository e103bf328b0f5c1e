import type { Config } from "tailwindcss";

// Colours are CSS variables (app/globals.css) so one class serves light and dark.
export default {
  darkMode: "media",
  theme: {
    extend: {
      colors: {
        canvas: "var(--canvas)",
        surface: "var(--surface)",
        "surface-muted": "var(--surface-muted)",
        ink: "var(--ink)",
        "ink-muted": "var(--ink-muted)",
        line: "var(--line)",
        accent: "var(--accent)",
        status: {
          up: "var(--status-up)",
          "up-soft": "var(--status-up-soft)",
          degraded: "var(--status-degraded)",
          "degraded-soft": "var(--status-degraded-soft)",
          down: "var(--status-down)",
          "down-soft": "var(--status-down-soft)",
          nodata: "var(--status-nodata)",
          "nodata-soft": "var(--status-nodata-soft)",
        },
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
      },
    },
  },
} satisfies Config;
