import { describe, expect, it } from "vitest";
import { OPERATION_MAPPINGS } from "@/db/seed/roadmap";
import { mapOperation } from "@/lib/ingest/operations";

const mappings = OPERATION_MAPPINGS.map(({ pattern, metricKey }) => ({ pattern, metricKey }));
const keys = new Set(["sync_group", "send_message", "create_group_100"]);

describe("mapping QA test ids to roadmap keys", () => {
  it("maps sized ids through wildcards and exact ids exactly", () => {
    expect(mapOperation("groupsync-10", mappings, keys)).toBe("sync_group");
    expect(mapOperation("sync-250", mappings, keys)).toBe("sync_group");
    expect(mapOperation("streamMessage-10", mappings, keys)).toBe("send_message");
    expect(mapOperation("newGroup-100", mappings, keys)).toBe("create_group_100");
    expect(mapOperation("create", mappings, keys)).toBe("register_identity");
    expect(mapOperation("addMember-250", mappings, keys)).toBe("add_member_250");
  });

  it("accepts roadmap keys as they are and leaves anything else unmapped", () => {
    expect(mapOperation("sync_group", mappings, keys)).toBe("sync_group");
    expect(mapOperation("newGroup-50", mappings, keys)).toBeNull();
    expect(mapOperation("groupsync-abc", mappings, keys)).toBeNull();
    expect(mapOperation("addMember-11", mappings, keys)).toBeNull();
  });
});
