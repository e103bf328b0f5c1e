import { formatTarget, formatUtc } from "@/lib/format";
import type { CriterionRule } from "@/lib/roadmap/history-view";

const samples = (n: number) => `at least ${n.toLocaleString("en-US")} sample${n === 1 ? "" : "s"}`;

/** Each rule the target has been judged by, newest first: the verdicts before a change kept the rule of their day. */
export function RuleHistory({ rules, unit }: { rules: CriterionRule[]; unit: string }) {
  if (rules.length === 0) return null;
  return (
    <section aria-labelledby="rule-history" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="rule-history" className="font-semibold">
        How this target is judged
      </h2>
      <p className="text-ink-muted text-sm">
        The target is the published one. The team can change the window and the samples it needs; each change
        is a new version, shown here and on the{" "}
        <a href="/changelog" className="text-accent underline underline-offset-2">
          changelog
        </a>
        .
      </p>
      <ol className="mt-2 flex flex-col gap-1 text-sm" aria-label="Versions of the rule">
        {[...rules].reverse().map((rule, index) => (
          <li key={rule.version} data-testid="rule-version" className="border-line border-t pt-1">
            <span className="font-medium">Version {rule.version}</span>
            {index === 0 ? " (now)" : ""}: {formatTarget(rule.comparator, rule.target, unit)} over{" "}
            {rule.windowDays === 1 ? "1 day" : `${rule.windowDays} days`}, {samples(rule.minSamples)}.{" "}
            <span className="text-ink-muted">
              {rule.setBy ? (
                <>
                  From {formatUtc(new Date(rule.validFrom))}, set by{" "}
                  <code className="break-all">{rule.setBy}</code>.
                </>
              ) : rule.version === 1 ? (
                "As published."
              ) : (
                `From ${formatUtc(new Date(rule.validFrom))}, as the roadmap published it.`
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
