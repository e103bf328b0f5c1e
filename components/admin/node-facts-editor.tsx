"use client";

import { field, label, useSave } from "./use-save";

export type EditableNode = {
  network: string;
  nodeId: number;
  name: string | null;
  operatorName: string | null;
  region: string | null;
  country: string | null;
  website: string | null;
};

function NodeForm({ node }: { node: EditableNode }) {
  const { save, busy, status } = useSave(`/api/admin/nodes/${node.network}/${node.nodeId}`, {
    saved: ({ changed }) => (changed ? "Saved: shown as set by the team." : "Nothing changed."),
  });
  const value = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
  return (
    <form
      aria-label={`Node ${node.nodeId} on ${node.network}`}
      className="flex flex-wrap items-end gap-3 py-2"
      onSubmit={(event) =>
        save(event, (form) => ({
          operatorName: value(form, "operatorName"),
          region: value(form, "region"),
          country: value(form, "country").toUpperCase(),
          website: value(form, "website"),
        }))
      }
    >
      <label className={label}>
        Operator name
        <input name="operatorName" defaultValue={node.operatorName ?? ""} maxLength={200} className={field} />
      </label>
      <label className={label}>
        Region
        <input name="region" defaultValue={node.region ?? ""} maxLength={100} className={field} />
      </label>
      <label className={label}>
        Country (ISO code)
        <input name="country" defaultValue={node.country ?? ""} maxLength={2} className={`${field} w-20`} />
      </label>
      <label className={`${label} min-w-48 flex-1`}>
        Website
        <input
          name="website"
          type="url"
          defaultValue={node.website ?? ""}
          placeholder="https://"
          className={field}
        />
      </label>
      <button type="submit" disabled={busy} className={`${field} font-medium`}>
        Save node {node.nodeId}
      </button>
      {status}
    </form>
  );
}

/** What the team says of each node where the chain is silent or wrong; empty clears the team's value. */
export function NodeFactsEditor({ nodes }: { nodes: EditableNode[] }) {
  return (
    <section
      aria-labelledby="edit-nodes"
      className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-4"
    >
      <h2 id="edit-nodes" className="font-semibold">
        Node facts
      </h2>
      <p className="text-ink-muted text-sm">
        Shown on each node's page as set by the team, beside what the operator's metadata says. An empty field
        clears the team's value.
      </p>
      {nodes.map((node) => (
        <details key={`${node.network} ${node.nodeId}`} className="border-line border-t py-1">
          <summary className="cursor-pointer text-sm">
            Node {node.nodeId}
            {node.name ? ` · ${node.name}` : ""}{" "}
            <span className="text-ink-muted text-xs">({node.network})</span>
          </summary>
          <NodeForm node={node} />
        </details>
      ))}
    </section>
  );
}
