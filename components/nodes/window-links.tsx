import Link from "next/link";
import { WINDOW_PRESETS, type WindowPreset } from "@/lib/uptime/windows";

/** The window presets as links that keep the page's other query parameters. */
export function WindowLinks({
  current,
  href,
  label,
}: {
  current: WindowPreset;
  href: (preset: WindowPreset) => string;
  label: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 text-xs">
        {(Object.keys(WINDOW_PRESETS) as WindowPreset[]).map((preset) => (
          <li key={preset}>
            <Link
              href={href(preset)}
              aria-current={preset === current ? "page" : undefined}
              className={`rounded px-2 py-1 ${
                preset === current
                  ? "bg-surface-muted font-semibold text-ink"
                  : "text-accent underline underline-offset-2"
              }`}
            >
              {preset}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
