import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatAvailability, formatCoverage, formatMinutes } from "@/lib/format";
import type { NodeHealth } from "@/lib/uptime/node-health";

const WINDOW_NAMES = { "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days" } as const;

/** Availability over each window with the coverage it rests on, down and maintenance minutes. */
export function AvailabilityCard({ windows }: { windows: NodeHealth["availability"] }) {
  const maintenance = windows.some(({ availability }) => (availability?.maintenance ?? 0) > 0);
  return (
    <Card
      title="Availability"
      id="node-availability"
      action={
        <Link href="/methodology" className="text-accent text-xs underline underline-offset-2">
          How it is counted
        </Link>
      }
    >
      <table className="w-full text-sm" data-testid="availability-table">
        <caption className="sr-only">
          Availability and coverage over the last 24 hours, 7, 30 and 90 days
        </caption>
        <thead className="text-left text-ink-muted text-xs">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Last
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Availability
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Coverage
            </th>
            <th scope="col" className="py-1 font-medium">
              Down
            </th>
            {maintenance ? (
              <th scope="col" className="py-1 pl-2 font-medium">
                Maintenance
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {windows.map(({ preset, availability }) => (
            <tr key={preset} className="border-line border-t">
              <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                {WINDOW_NAMES[preset]}
              </th>
              <td className="py-1.5 pr-2 font-medium tabular-nums">
                {formatAvailability(availability?.availability ?? null)}
              </td>
              <td className="py-1.5 pr-2 text-ink-muted tabular-nums">
                {availability?.coverage == null ? "—" : formatCoverage(availability.coverage)}
              </td>
              <td className="py-1.5 tabular-nums">
                {availability && availability.known > 0 ? formatMinutes(availability.down) : "—"}
              </td>
              {maintenance ? (
                <td className="py-1.5 pl-2 tabular-nums">{formatMinutes(availability?.maintenance ?? 0)}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-ink-muted text-xs">
        Up (and degraded) minutes over up plus down minutes. Minutes nobody probed and announced maintenance
        are left out; coverage is the share of the window with data.
      </p>
    </Card>
  );
}
