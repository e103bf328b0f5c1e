import type { NodeFact } from "@/lib/chain/registry-node";

/** A node fact, and when the team set it, so in words, with what the operator's metadata says beside it. */
export function Fact({ fact, link = false }: { fact: NodeFact; link?: boolean }) {
  if (fact.value === null) return <span className="text-ink-muted">not given</span>;
  const value = link ? (
    <a
      href={fact.value}
      rel="nofollow noopener noreferrer"
      className="break-all text-accent underline underline-offset-2"
    >
      {fact.value}
    </a>
  ) : (
    fact.value
  );
  return (
    <span>
      {value}
      {fact.setByTeam ? (
        <span className="block text-ink-muted text-xs" data-testid="set-by-team">
          set by the team
          {fact.fromMetadata && fact.fromMetadata !== fact.value
            ? `; the operator's metadata says ${fact.fromMetadata}`
            : ""}
        </span>
      ) : null}
    </span>
  );
}
