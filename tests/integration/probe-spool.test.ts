import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ProbeSpool } from "@/lib/probe/push";

const dir = mkdtempSync(join(tmpdir(), "spool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the probe spool against a dashboard that names probes the batch does not have", () => {
  it("sets the batch aside after one answer instead of re-sending it forever", async () => {
    let requests = 0;
    const server = createServer((request, response) => {
      requests++;
      request.resume();
      const issues = [{ path: "probes.7.nodeId", message: "node 800 is not in the testnet registry" }];
      response.writeHead(400, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: { code: "refused_probes", message: "1 of 1 probes were refused", issues },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const spool = new ProbeSpool(dir);
      await spool.add({
        network: "testnet",
        region: "eu",
        probes: [{ nodeId: 100, at: new Date().toISOString(), outcome: "up" } as never],
      });
      const report = await spool.deliver(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, "t");
      expect(report).toMatchObject({ delivered: 0, rejected: 1, dropped: 0, pending: 0 });
      expect(requests).toBe(1);
      expect(readdirSync(join(dir, "rejected"))).toHaveLength(1);
    } finally {
      server.close();
    }
  });
});
