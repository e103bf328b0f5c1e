import { describe, expect, it } from "vitest";
import { changeHref, changeTitle, fieldChanges } from "@/lib/changelog/describe";

const row = (action: string, entityType: string, entityKey: string, before: unknown, after: unknown) => ({
  action,
  entityType,
  entityKey,
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown> | null,
});

describe("a change in words", () => {
  it("names what changed and the status it set", () => {
    expect(
      changeTitle(row("milestone.done", "milestone", "s2-qa", { status: "open" }, { status: "done" })),
    ).toBe("Milestone s2-qa marked done");
    expect(changeTitle(row("stage.update", "stage", "3", {}, { declaredStatus: "in_progress" }))).toBe(
      "Stage 3 marked in progress",
    );
    expect(changeTitle(row("stage.update", "stage", "3", {}, { note: "x" }))).toBe("Stage 3 updated");
    expect(changeTitle(row("incident.open", "incident", "7", null, { title: "Sync stalled" }))).toBe(
      "Incident opened: Sync stalled",
    );
    expect(changeTitle(row("incident.update", "incident", "7", {}, { status: "resolved" }))).toBe(
      "Incident 7 updated: resolved",
    );
    expect(changeTitle(row("maintenance.announce", "maintenance", "2", null, { title: "Upgrade" }))).toBe(
      "Maintenance announced: Upgrade",
    );
    expect(changeTitle(row("token.create", "ingest_token", "qa", null, { scopes: ["tests"] }))).toBe(
      "Ingest token created: qa",
    );
    expect(changeTitle(row("token.revoke", "ingest_token", "qa", null, null))).toBe(
      "Ingest token revoked: qa",
    );
    const mapped = { metricKey: "send_message", note: null };
    expect(changeTitle(row("operation.map", "operation", "sendMessage-*", null, mapped))).toBe(
      "QA operation sendMessage-* mapped to send_message",
    );
    expect(
      changeTitle(row("operation.update", "operation", "sendMessage-*", mapped, { metricKey: "sync_group" })),
    ).toBe("QA operation sendMessage-* mapped to sync_group instead");
    expect(
      changeTitle(row("operation.update", "operation", "sendMessage-*", { note: null }, { note: "x" })),
    ).toBe("QA operation sendMessage-*: its note changed");
    expect(
      changeTitle(row("operation.unmap", "operation", "sendMessage-*", mapped, { metricKey: null })),
    ).toBe("QA operation sendMessage-* no longer mapped");
    expect(
      changeTitle(
        row("criterion.update", "criterion", "sync_group", { version: 1 }, { windowDays: 14, version: 2 }),
      ),
    ).toBe("Target sync_group's rule changed (version 2)");
    expect(
      changeTitle(
        row("criterion.target", "criterion", "sync_group", { target: 100 }, { target: 80, version: 3 }),
      ),
    ).toBe("Target sync_group changed by the published roadmap (version 3)");
  });

  it("words a rule's and a mapping's fields", () => {
    expect(
      fieldChanges({ before: { windowDays: 7, version: 1 }, after: { windowDays: 14, version: 2 } }),
    ).toEqual([
      { field: "window (days)", before: "7", after: "14" },
      { field: "rule version", before: "1", after: "2" },
    ]);
    expect(fieldChanges({ before: null, after: { nodeIds: [300, 500] } })).toEqual([
      { field: "nodes", before: null, after: "nodes 300 and 500" },
    ]);
    expect(fieldChanges({ before: null, after: { nodeIds: [] } })).toEqual([
      { field: "nodes", before: null, after: "the whole network" },
    ]);
    expect(fieldChanges({ before: { metricKey: "sync_group" }, after: { metricKey: null } })).toEqual([
      { field: "target", before: "sync_group", after: "none" },
    ]);
  });

  it("gives each field before and after in words, none for an empty value, no before for a creation", () => {
    expect(
      fieldChanges(
        row(
          "x",
          "milestone",
          "k",
          { status: "open", evidenceUrl: null },
          { status: "in_progress", evidenceUrl: "https://e.org" },
        ),
      ),
    ).toEqual([
      { field: "status", before: "open", after: "in progress" },
      { field: "evidence", before: "none", after: "https://e.org" },
    ]);
    expect(
      fieldChanges(
        row("x", "maintenance", "1", null, {
          startsAt: "2026-12-05T19:01:17.841Z",
          nodeId: 300,
          scopes: ["a", "b"],
        }),
      ),
    ).toEqual([
      { field: "starts", before: null, after: "2026-12-05 19:01 UTC" },
      { field: "node", before: null, after: "node 300" },
      { field: "scopes", before: null, after: "a, b" },
    ]);
  });

  it("links a change to the page that shows it, where there is one", () => {
    expect(changeHref({ entityType: "stage", entityKey: "2" })).toBe("/stages/2");
    expect(changeHref({ entityType: "milestone", entityKey: "s2-qa", stageNumber: 2 })).toBe("/stages/2");
    expect(changeHref({ entityType: "incident", entityKey: "7" })).toBe("/incidents#incident-7");
    expect(changeHref({ entityType: "criterion", entityKey: "sync_group" })).toBe("/targets/sync_group");
    expect(changeHref({ entityType: "ingest_token", entityKey: "qa" })).toBeNull();
    expect(changeHref({ entityType: "partner", entityKey: "acme" })).toBe("/partners/acme");
    expect(changeHref({ entityType: "partner", entityKey: "unlisted" })).toBeNull();
  });

  it("words partner changes, saying of an unlisted partner only that it is unlisted", () => {
    const title = (action: string, entityKey: string, after: Record<string, unknown> | null = null) =>
      changeTitle({ action, entityType: "partner", entityKey, after });
    expect(title("partner.create", "acme", { name: "Acme Chat" })).toBe("Partner added: Acme Chat");
    expect(title("partner.create", "unlisted", { listed: false })).toBe("An unlisted partner was added");
    expect(title("partner.update", "acme")).toBe("Partner acme updated");
    expect(title("partner.update", "unlisted")).toBe("An unlisted partner was updated");
    expect(title("partner.token", "unlisted")).toBe("Ingest token issued to an unlisted partner");
    expect(
      changeTitle({
        action: "sdk.minimum",
        entityType: "sdk",
        entityKey: "xmtp-js",
        after: { minVersion: "2.0.0" },
      }),
    ).toBe("Mainnet-compatible xmtp-js: 2.0.0 or later");
    expect(
      changeTitle({
        action: "sdk.minimum",
        entityType: "sdk",
        entityKey: "xmtp-js",
        after: { minVersion: null },
      }),
    ).toBe("Mainnet-compatible xmtp-js: minimum removed");
  });
});
