import Link from "next/link";
import { shortAddress } from "@/lib/chain/history";
import { formatAgo, formatUtc } from "@/lib/format";
import { formatFee } from "@/lib/partners/amount";
import type {
  NetworkReadinessInput,
  PartnerCheck,
  PartnerRun,
  PayerEventRow,
  PayerEvidence,
  SdkVersionEvidence,
} from "@/lib/partners/checks";
import { CheckMark } from "./check-mark";

/** One check of the partner's checklist: verdict, since when, what is missing, and its evidence. */
export function CheckCard({
  check,
  now,
  events,
}: {
  check: PartnerCheck;
  now: Date;
  events: PayerEventRow[];
}) {
  return (
    <section
      aria-labelledby={`check-${check.key}`}
      data-testid={`check-${check.key}`}
      className="rounded-lg border border-line bg-surface p-4 sm:p-5"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`check-${check.key}`} className="font-semibold text-base">
          {check.title}
        </h2>
        <CheckMark status={check.status} stale={check.stale} />
      </header>
      <p className="mt-1 text-sm">{check.summary}</p>
      <p className="mt-1 text-ink-muted text-xs">
        {check.since
          ? `True since ${formatUtc(check.since)}`
          : check.lastTrueAt
            ? `Last true ${formatUtc(check.lastTrueAt)} (${formatAgo(check.lastTrueAt, now)})`
            : "Not true as far as the dashboard has seen"}
      </p>
      {check.missing.length > 0 ? (
        <div className="mt-3">
          <h3 className="font-medium text-sm">What is missing</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {check.missing.map((item) => (
              <li key={item} className="break-words">
                {item}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-3">
        <Evidence check={check} now={now} events={events} />
      </div>
    </section>
  );
}

function Evidence({ check, now, events }: { check: PartnerCheck; now: Date; events: PayerEventRow[] }) {
  if (check.key === "gateway_funded")
    return <PayerTable payers={check.evidence as PayerEvidence[]} now={now} events={events} />;
  if (check.key === "sdk_ready") return <SdkTable versions={check.evidence as SdkVersionEvidence[]} />;
  if (check.key === "integration_passing")
    return <RunsTable {...(check.evidence as { required: number; runs: PartnerRun[] })} />;
  const readiness = check.evidence as NetworkReadinessInput;
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {readiness.targets.map((target) => (
        <li key={target.key} className="flex items-center gap-2">
          <CheckMark status={target.met ? "pass" : "fail"} stale={false} compact />
          <Link href={`/targets/${target.key}`} className="text-accent underline underline-offset-2">
            {target.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

const cell = "whitespace-nowrap p-2 align-top";

function PayerTable({
  payers,
  now,
  events,
}: {
  payers: PayerEvidence[];
  now: Date;
  events: PayerEventRow[];
}) {
  if (payers.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs tabular-nums">
          <caption className="sr-only">Each payer's balance in the PayerRegistry at the last read</caption>
          <thead className="text-ink-muted">
            <tr className="border-line border-b">
              <th scope="col" className={cell}>
                Payer
              </th>
              <th scope="col" className={cell}>
                Balance
              </th>
              <th scope="col" className={cell}>
                Read
              </th>
            </tr>
          </thead>
          <tbody>
            {payers.map(({ address, read }) => (
              <tr key={address} className="border-line border-b last:border-0">
                <td className={`${cell} font-mono`} title={address}>
                  {shortAddress(address)}
                </td>
                <td className={cell}>
                  {read ? (
                    <span className={read.funded ? "" : "font-semibold text-status-down"}>
                      {formatFee(read.balance)}
                      <span className="text-ink-muted"> of {formatFee(read.minimumDeposit)} minimum</span>
                    </span>
                  ) : (
                    "not read yet"
                  )}
                </td>
                <td className={cell}>
                  {read ? (
                    <>
                      block {read.blockNumber.toLocaleString("en-US")}, {formatAgo(read.readAt, now)}
                      {read.stale ? <span className="text-status-degraded"> (stale)</span> : null}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length > 0 ? (
        <div>
          <h3 className="font-medium text-sm">Recent deposits and settled usage</h3>
          <ul className="mt-1 flex flex-col gap-0.5 text-xs tabular-nums">
            {events.slice(0, 10).map((event) => (
              <li key={`${event.txHash}-${event.address}-${event.kind}-${event.blockNumber}`}>
                {formatUtc(event.blockTime)} ·{" "}
                <span className="font-mono">{shortAddress(event.address)}</span> ·{" "}
                {event.kind === "deposit" ? "deposit" : "usage settled"}{" "}
                <strong>
                  {event.kind === "deposit" ? "+" : "−"}
                  {formatFee(event.amount)}
                </strong>{" "}
                <span className="text-ink-muted">(block {event.blockNumber.toLocaleString("en-US")})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-ink-muted text-xs">No deposit or settled usage in the blocks read so far.</p>
      )}
    </div>
  );
}

function SdkTable({ versions }: { versions: SdkVersionEvidence[] }) {
  if (versions.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs tabular-nums">
        <caption className="sr-only">Each SDK version the recent runs report, against its minimum</caption>
        <thead className="text-ink-muted">
          <tr className="border-line border-b">
            <th scope="col" className={cell}>
              SDK
            </th>
            <th scope="col" className={cell}>
              Reported
            </th>
            <th scope="col" className={cell}>
              Minimum
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((item) => (
            <tr key={`${item.sdk}@${item.version}`} className="border-line border-b last:border-0">
              <td className={cell}>{item.sdk}</td>
              <td className={cell}>
                {item.version ?? "not reported"}
                {item.runId ? <span className="text-ink-muted"> (run {item.runId})</span> : null}
              </td>
              <td className={cell}>
                {item.minimum ?? "not set"}{" "}
                {item.version && item.minimum ? (
                  <CheckMark status={item.ok ? "pass" : "fail"} stale={false} compact />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunsTable({ required, runs }: { required: number; runs: PartnerRun[] }) {
  if (runs.length === 0)
    return <p className="text-ink-muted text-xs">No run posted yet ({required} needed).</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs tabular-nums">
        <caption className="sr-only">The partner's last {required} integration runs</caption>
        <thead className="text-ink-muted">
          <tr className="border-line border-b">
            <th scope="col" className={cell}>
              Run
            </th>
            <th scope="col" className={cell}>
              Started
            </th>
            <th scope="col" className={cell}>
              SDK
            </th>
            <th scope="col" className={cell}>
              Passed / failed
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId} className="border-line border-b last:border-0">
              <td className={cell}>{run.runId}</td>
              <td className={cell}>{formatUtc(run.startedAt)}</td>
              <td className={cell}>
                {run.sdk} {run.sdkVersion}
              </td>
              <td className={cell}>
                {run.passed} /{" "}
                <span className={run.failed > 0 ? "font-semibold text-status-down" : ""}>{run.failed}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
