import { describe, expect, it } from "vitest";
import { incidentInput, maintenanceInput } from "@/lib/incidents";

const at = (hour: number) => new Date(Date.UTC(2026, 10, 9, hour));
const window = {
  network: "testnet",
  nodeId: 200,
  title: "Upgrade",
  startsAt: at(9),
  endsAt: at(11),
  announcedAt: at(1),
};
const incident = {
  network: "testnet",
  nodeId: null,
  title: "Outage",
  severity: "major",
  status: "resolved",
  startedAt: at(14),
  resolvedAt: at(15),
} as const;

describe("what the team announces", () => {
  it("takes a maintenance window that ends after it starts, for one node or the whole network", () => {
    expect(maintenanceInput.parse(window)).toEqual(window);
    expect(maintenanceInput.parse({ ...window, nodeId: null }).nodeId).toBeNull();
  });

  it("refuses a window that ends when or before it starts, or without a title", () => {
    expect(() => maintenanceInput.parse({ ...window, endsAt: at(9) })).toThrow(/must end after it starts/);
    expect(() => maintenanceInput.parse({ ...window, title: "  " })).toThrow();
    expect(() => maintenanceInput.parse({ ...window, nodeId: 0 })).toThrow();
  });

  it("takes an incident, resolved after it started or still open, with an empty body by default", () => {
    expect(incidentInput.parse(incident).body).toBe("");
    expect(
      incidentInput.parse({ ...incident, resolvedAt: null, status: "investigating" }).resolvedAt,
    ).toBeNull();
    expect(() => incidentInput.parse({ ...incident, resolvedAt: at(14) })).toThrow(
      /resolved after it started/,
    );
    expect(() => incidentInput.parse({ ...incident, severity: "huge" })).toThrow();
  });
});
