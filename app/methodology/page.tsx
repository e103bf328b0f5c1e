import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PAYER_CHECK_INTERVAL_MS, PAYER_STALE_AFTER_MS } from "@/lib/partners/vocabulary";
import { CURRENT_STATE_FRESH_MS } from "@/lib/uptime/current-state";
import { DOWN_SHARE_FOR_RED } from "@/lib/uptime/day-bars";

export const metadata: Metadata = { title: "Methodology" };

const RED = `${DOWN_SHARE_FOR_RED * 100}%`;
const FRESH_MINUTES = CURRENT_STATE_FRESH_MS / 60_000;

function Rule({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section id={id} className="scroll-mt-4 rounded-lg border border-line bg-surface p-4">
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-1 flex flex-col gap-2 text-ink-muted text-sm">{children}</div>
    </section>
  );
}

export default function MethodologyPage() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="font-semibold text-2xl">How we measure</h1>
      <p className="text-ink-muted">
        These are the rules every figure on this dashboard follows. Targets come from the public roadmap post;
        where a rule is our interpretation rather than a published fact, it says so.
      </p>
      <Rule title="Sources">
        <p>
          Node identity comes from the on-chain node registry on Base (testnet: Base Sepolia). Node health
          comes from our own probes of each node's public API. Benchmarks, integration tests, fork checks and
          load tests are pushed by QA runners over an authenticated API. When a source is unreachable, the
          pages say which one and since when, and keep showing the last known data.
        </p>
      </Rule>
      <Rule title="Probe outcome">
        <p>
          A probe is <strong>up</strong> when the node answers <code>GetVersion</code> with HTTP 200 and
          grpc-status 0 within the timeout, <strong>degraded</strong> when it is up but slower than the
          degraded threshold (1 s by default), and <strong>down</strong> otherwise. A minute nobody probed is{" "}
          <strong>unknown</strong>.
        </p>
        <p>
          A failed probe records why: timeout, connection refused, DNS, TLS, an HTTP status, a grpc status, a
          malformed answer, or an address we refuse to probe (below).
        </p>
      </Rule>
      <Rule title="State now">
        <p>
          A node's state now comes from the latest probe of each region within the last {FRESH_MINUTES}{" "}
          minutes, by the same quorum rule as below. A node no region probed that recently shows no state, not
          "down".
        </p>
      </Rule>
      <Rule title="Regional quorum">
        <p>
          A node-minute is down only when a majority of the regions that probed it in that minute saw it down.
          An outage of our own prober therefore shows as unknown, never as downtime of the node. A region that
          saw every node down in a minute while another region reached them is taken to be the prober's own
          outage for that minute.
        </p>
      </Rule>
      <Rule title="Availability and coverage">
        <p>
          Availability over a window is up minutes divided by up plus down minutes. Unknown minutes and
          announced maintenance are left out of the denominator; coverage (known minutes over window minutes)
          is shown beside every availability figure so a high number on little data cannot pass unnoticed.
        </p>
      </Rule>
      <Rule title="Day bars">
        <p>
          Each bar is one UTC day. Its colour comes from the share of that day's measured minutes that were
          down, never from a single failed probe: green with no down minute, amber with some but under {RED},
          red at {RED} or more. A day nobody probed the node is hatched grey; days before the node was
          registered are left blank. Every bar can be focused, and reads out its date, availability, down
          minutes and incidents. Today's bar covers the day so far.
        </p>
      </Rule>
      <Rule title="Latency percentiles">
        <p>
          Percentiles come from mergeable log-scale histograms (at most 2% relative error), never from
          averages of percentiles. Every percentile shows its sample count; with fewer samples than the
          target's minimum it reads "insufficient data", not a number.
        </p>
      </Rule>
      <Rule title="Windows and time">
        <p>
          Windows are 24 hours, 7, 30 and 90 days, or a custom range, always in UTC. The current, incomplete
          bucket is labelled partial.
        </p>
      </Rule>
      <Rule title="Which addresses we probe">
        <p>
          Node addresses come from operators, so the prober refuses loopback, private, link-local and cloud
          metadata addresses. It checks the address a name resolves to at the moment it connects, so a name
          cannot point somewhere else after the check. Such a node is recorded as down with the reason
          "blocked address".
        </p>
      </Rule>
      <Rule title="Targets and stages">
        <p>
          Each target is evaluated over its stated window on the network its stage is judged on, and stored
          with the measured value, target, V3 baseline, sample count and time. A stage is ready when all of
          its targets pass; the team's declared status is shown beside it, never instead of it.
        </p>
        <p>
          Fork rate (our interpretation): forked groups over groups checked by the QA fork suite within the
          window.
        </p>
      </Rule>
      <Rule title="Partner readiness" id="partners">
        <p>
          Each partner app is judged four ways. <strong>Gateway funded</strong>: every payer address the team
          linked to it holds at least the PayerRegistry's minimum deposit, read with <code>getBalances</code>{" "}
          and <code>minimumDeposit</code> at one block every {PAYER_CHECK_INTERVAL_MS / 60_000} minutes (a
          negative balance is debt); recent <code>Deposit</code> and <code>UsageSettled</code> events are
          shown beside it. A read older than {PAYER_STALE_AFTER_MS / 60_000} minutes is marked stale, with the
          RPC's error.
        </p>
        <p>
          <strong>SDK ready</strong>: every SDK version the partner's last N runs report (N set per partner, 5
          by default) is at least the team's minimum mainnet-compatible version of that SDK, compared as
          semantic versions, so 2.0.0-rc.1 is below 2.0.0; every SDK the partner uses must be reported by one
          of them. <strong>Integration passing</strong>: those N runs, which the partner posts with its own
          token, all passed. <strong>Network ready</strong>: every target of the stage under way on its
          network is met and none of its milestones is still open.
        </p>
        <p>
          A check with nothing to judge yet is "not known", never a pass. "Since" is when a check last became
          true without a break; "last true", when it was last seen true. A partner's contact and notes are
          never shown; an unlisted partner appears only to whoever holds its link.
        </p>
      </Rule>
    </div>
  );
}
