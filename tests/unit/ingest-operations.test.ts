import { describe, expect, it } from "vitest";
import { mapOperation } from "@/lib/ingest/operations";

const mappings = [
  { pattern: "newGroup-*", metricKey: "create_group" },
  { pattern: "create", metricKey: "register_identity" },
];
const keys = new Set(["create_group", "register_identity"]);

describe("a sized QA operation id", () => {
  it("maps through a wildcard only when it starts with the whole pattern before the *", () => {
    expect(mapOperation("newGroup-100", mappings, keys)).toBe("create_group");
    expect(mapOperation("nope1234-100", mappings, keys)).toBeNull();
    expect(mapOperation("newGroup100", mappings, keys)).toBeNull();
  });

  it("needs the size to be digits only, from the * to the end", () => {
    expect(mapOperation("newGroup-7", mappings, keys)).toBe("create_group");
    expect(mapOperation("newGroup-abc10", mappings, keys)).toBeNull();
    expect(mapOperation("newGroup-10abc", mappings, keys)).toBeNull();
    expect(mapOperation("newGroup-", mappings, keys)).toBeNull();
  });

  it("is not a wildcard match for an exact pattern", () => {
    expect(mapOperation("create-10", mappings, keys)).toBeNull();
    expect(mapOperation("create", mappings, keys)).toBe("register_identity");
  });
});
