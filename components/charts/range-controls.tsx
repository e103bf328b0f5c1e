import Link from "next/link";
import { lastDay, RANGE_PRESETS, type RangePreset, rangeParams, type TimeRange } from "@/lib/charts/range";

type Option = { value: string; label: string };

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: Option[];
}) {
  return (
    <label className="flex flex-col gap-1 text-ink-muted text-xs">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="min-w-32 rounded border border-line bg-surface px-2 py-1 text-ink text-sm"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

// The filter in the URL stays selected even when no result names it (yet).
const choices = (all: string, values: string[], current?: string): Option[] => [
  { value: "", label: all },
  ...[...new Set([...values, ...(current ? [current] : [])])].map((value) => ({ value, label: value })),
];

const day = (date: Date) => date.toISOString().slice(0, 10);
const hidden = (values: Record<string, string | undefined>) =>
  Object.entries(values).map(([name, value]) =>
    value ? <input key={name} type="hidden" name={name} value={value} /> : null,
  );

/**
 * A time-series page's filters, all in the URL: preset links, a filter form (network, region, SDK)
 * and a custom UTC range form. Plain links and GET forms: they work before any script loads.
 */
export function RangeControls({
  range,
  href,
  networks,
  network,
  regions,
  region,
  sdks,
  sdk,
}: {
  range: TimeRange | null;
  href: (preset: RangePreset) => string;
  /** The networks to choose from; none (a target judged on one network) leaves the filters out. */
  networks: Option[];
  network: string;
  /** The region and SDK filters, where the data has them. */
  regions?: string[];
  region?: string;
  sdks?: string[];
  sdk?: string;
}) {
  const ends = rangeParams(range);
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 text-sm">
      <nav aria-label="Time range">
        <ul className="flex flex-wrap items-center gap-1">
          {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => (
            <li key={preset}>
              <Link
                href={href(preset)}
                aria-current={preset === range?.preset ? "page" : undefined}
                className={`rounded px-2 py-1 ${
                  preset === range?.preset
                    ? "bg-surface-muted font-semibold text-ink"
                    : "text-accent underline underline-offset-2"
                }`}
              >
                {preset}
              </Link>
            </li>
          ))}
          {range?.preset === "custom" ? (
            <li aria-current="page" className="rounded bg-surface-muted px-2 py-1 font-semibold">
              {day(range.from)} to {lastDay(range)} (UTC)
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        {networks.length > 0 ? (
          <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filters">
            {hidden(ends)}
            <Select name="network" label="Network" value={network} options={networks} />
            {regions ? (
              <Select
                name="region"
                label="Region"
                value={region}
                options={choices("All regions", regions, region)}
              />
            ) : null}
            {sdks ? (
              <Select name="sdk" label="SDK" value={sdk} options={choices("All SDKs", sdks, sdk)} />
            ) : null}
            <button
              type="submit"
              className="rounded border border-line bg-surface-muted px-3 py-1 font-medium"
            >
              Apply
            </button>
          </form>
        ) : null}
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Custom range">
          {hidden({ network, region, sdk })}
          <label className="flex flex-col gap-1 text-ink-muted text-xs">
            From (UTC day)
            <input
              type="date"
              name="from"
              required
              defaultValue={range ? day(range.from) : undefined}
              className="rounded border border-line bg-surface px-2 py-1 text-ink text-sm"
            />
          </label>
          <label className="flex flex-col gap-1 text-ink-muted text-xs">
            To (UTC day)
            <input
              type="date"
              name="to"
              required
              defaultValue={range ? lastDay(range) : undefined}
              className="rounded border border-line bg-surface px-2 py-1 text-ink text-sm"
            />
          </label>
          <button type="submit" className="rounded border border-line bg-surface-muted px-3 py-1 font-medium">
            Show range
          </button>
        </form>
      </div>
    </div>
  );
}
