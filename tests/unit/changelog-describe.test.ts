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
    expect(changeHref({ entityType: "ingest_token", entityKey: "qa" })).toBeNull();
  });
});
