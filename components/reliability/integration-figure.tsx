"use client";

import dynamic from "next/dynamic";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartLoading } from "@/components/charts/chart-loading";
import { plural } from "@/lib/format";
import type { IntegrationSuite, ReliabilityView } from "@/lib/reliability/view";
import { csvHref, TableDetails, td, th, verdictOf } from "./shared";

const PassRateChart = dynamic(
  () => import("@/components/charts/pass-rate-chart").then((m) => m.PassRateChart),
  {
    ssr: false,
    loading: () => <ChartLoading height="h-40" />,
  },
);

/** The id of a failing run's failed cases: what its bar and its table row link to. */
export const runAnchor = (runId: string) => `run-${runId.replace(/[^A-Za-z0-9_.-]/g, "_")}`;

/** A failing run's cases sit in a table that may be folded: unfold it before the link scrolls there. */
const openFailures = (event: { currentTarget: HTMLAnchorElement }) => {
  const id = event.currentTarget.hash.slice(1);
  document.getElementById(id)?.closest("details")?.setAttribute("open", "");
};

function Suite({ suite, lastRuns }: { suite: IntegrationSuite; lastRuns: number }) {
  const judged = suite.runs.filter((run) => run.judged);
  const clean = judged.filter((run) => run.failed === 0 && run.passed > 0).length;
  const failing = suite.runs.filter((run) => run.failed > 0);
  // Failing only for a failed run; too few runs shown is missing data, not a failure.
  const tone =
    clean < judged.length
      ? "text-status-down"
      : judged.length === lastRuns
        ? "text-status-up"
        : "text-ink-muted";
  return (
    <section aria-label={`${suite.sdk}: ${suite.suite}`} data-testid="integration-suite">
      <p className="font-medium text-sm">
        {suite.sdk} · {suite.suite}{" "}
        <span className={`font-normal text-xs ${tone}`}>
          {judged.length === 0
            ? "the verdict reads none of these runs"
            : judged.length === lastRuns
              ? `${clean} of the last ${lastRuns} runs passed entirely`
              : `${clean} of ${judged.length} passed entirely (the verdict reads the last ${lastRuns}; ${judged.length} of them are here)`}
        </span>
      </p>
      {failing.length > 0 ? (
        <p className="text-xs">
          Failing runs:{" "}
          {failing.map((run, i) => (
            <span key={run.runId}>
              {i > 0 ? ", " : ""}
              <a
                href={`#${runAnchor(run.runId)}`}
                onClick={openFailures}
                className="text-accent underline underline-offset-2"
              >
                {run.startedAt.slice(0, 10)} ({run.failed} failed)
              </a>
            </span>
          ))}
        </p>
      ) : null}
      <PassRateChart
        runs={suite.runs}
        targetLabel={`target 100% (last ${lastRuns} runs)`}
        anchor={runAnchor}
      />
    </section>
  );
}

export function IntegrationFigure({ view, search }: { view: ReliabilityView; search: string }) {
  const { criterion, suites, lastRuns } = view.integration;
  const runs = suites.flatMap((suite) =>
    suite.runs.map((run) => ({ ...run, sdk: suite.sdk, suite: suite.suite })),
  );
  const failing = runs.filter((run) => run.failed > 0).reverse();
  return (
    <ChartFigure
      id="reliability-integration"
      title={criterion?.title ?? "Integration tests"}
      verdict={verdictOf(criterion, view.network)}
      summary={
        <>
          Each SDK suite's runs in the range (the latest 20 at most), one bar per run; the verdict reads the
          last {lastRuns} of each in its {criterion?.windowDays ?? 30} days, which must all pass (those bars
          are solid). {plural(suites.length, "suite")}, {plural(runs.length, "run")},{" "}
          {plural(failing.length, "failing run")}.
        </>
      }
      empty={suites.length === 0 ? "No integration-test runs pushed in this range: nothing to draw." : null}
      chart={
        <div className="flex flex-col gap-4">
          {suites.map((suite) => (
            <Suite key={`${suite.sdk} ${suite.suite}`} suite={suite} lastRuns={lastRuns} />
          ))}
        </div>
      }
      table={
        <TableDetails
          label="Failing runs and their failed cases"
          count={failing.length}
          open={failing.length > 0 && failing.length <= 3}
        >
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">Each failing run with the failed cases its runner sent</caption>
            <thead>
              <tr className="text-ink-muted">
                <th scope="col" className={th}>
                  Run
                </th>
                <th scope="col" className={th}>
                  Failed cases
                </th>
              </tr>
            </thead>
            <tbody>
              {failing.map((run) => (
                <tr
                  key={run.runId}
                  id={runAnchor(run.runId)}
                  className="scroll-mt-20 border-line border-t align-top target:bg-status-down-soft"
                >
                  <th scope="row" className={`${td} font-normal`}>
                    <span className="block break-all">{run.runId}</span>
                    <span className="block text-ink-muted">
                      {run.sdk} · {run.startedAt.slice(0, 16).replace("T", " ")} UTC
                    </span>
                  </th>
                  <td className={`${td} min-w-40`}>
                    <span className="font-semibold text-status-down">{run.failed} failed</span>
                    {run.failedCases.length === 0 ? (
                      <span className="block text-ink-muted">the runner sent no case list</span>
                    ) : (
                      <ul className="list-disc pl-4">
                        {run.failedCases.map((one, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: two cases of a run may share a name
                          <li key={i}>
                            {one.name}
                            {one.message ? <span className="block text-ink-muted">{one.message}</span> : null}
                          </li>
                        ))}
                        {run.failedCasesTotal > run.failedCases.length ? (
                          <li className="text-ink-muted">
                            and {run.failedCasesTotal - run.failedCases.length} more
                          </li>
                        ) : null}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableDetails>
      }
      csvHref={csvHref(search, "integration")}
    />
  );
}
