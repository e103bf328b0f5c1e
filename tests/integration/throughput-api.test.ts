import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ThroughputView } from "@/lib/throughput/view";
import { getThroughputApi } from "@/server/api/throughput-api";
import { throughputEndpoint } from "@/server/ingest/endpoints";
import { evaluateAll } from "@/server/jobs/evaluate";
import { callEndpoint, setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;
const NOW = new Date("2026-11-30T12:00:00Z");

const get = (query: string) =>
  getThroughputApi(new Request(`http://dashboard/api/v1/throughput?${query}`), {
    db: test.handle.db,
    now: NOW,
    env: test.env,
  });
const json = async (query: string) => {
  const response = await get(query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ThroughputView;
};

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["throughput"]));
  const runs = [
    {
      runId: "off-old",
      kind: "offchain_burst",
      startedAt: "2026-08-01T10:00:00Z",
      durationS: 60,
      messages: 30_000,
    },
    {
      runId: "off-1",
      kind: "offchain_burst",
      startedAt: "2026-10-20T10:00:00Z",
      durationS: 60,
      messages: 48_000,
    },
    {
      runId: "off-2",
      kind: "offchain_burst",
      startedAt: "2026-11-20T10:00:00Z",
      durationS: 60,
      messages: 66_000,
    },
    {
      runId: "on-1",
      kind: "onchain_burst",
      startedAt: "2026-11-21T10:00:00Z",
      durationS: 60,
      messages: 2_400,
    },
    {
      runId: "day-2",
      kind: "sustained_daily",
      startedAt: "2026-11-10T00:00:00Z",
      nodes: 2,
      durationS: 86_400,
      messages: 12_000_000,
    },
    {
      runId: "day-3",
      kind: "sustained_daily",
      startedAt: "2026-11-12T00:00:00Z",
      nodes: 3,
      durationS: 86_400,
      messages: 10_500_000,
    },
  ];
  for (const run of runs) {
    const response = await callEndpoint(
      throughputEndpoint,
      test,
      { network: "testnet", nodes: 3, ...run },
      { token },
    );
    expect(response.status).toBe(201);
  }
}, 60_000);

afterAll(() => test?.drop());

describe("GET /api/v1/throughput", () => {
  it("lists each throughput target with its runs of the last 90 days, rated as judged", async () => {
    const view = await json("");
    expect(view.range.preset).toBe("90d");
    expect(view.targets.map((one) => [one.key, one.unit, one.target])).toEqual([
      ["offchain_burst", "msg/s", 1_000],
      ["onchain_burst", "msg/s", 50],
      ["sustained_daily", "msg/day", 10_000_000],
    ]);
    const [off, on, sustained] = view.targets;
    expect(off?.runs.map((run) => [run.runId, run.value])).toEqual([
      ["off-1", 800],
      ["off-2", 1_100],
    ]);
    expect(on?.runs.map((run) => run.value)).toEqual([40]);
    expect(sustained?.rules).toEqual({ minNodes: 3, minDurationS: 86_400 });
    expect(sustained?.runs.map((run) => [run.runId, run.value, run.excluded])).toEqual([
      ["day-2", 12_000_000, "ran on 2 nodes, needs 3"],
      ["day-3", 10_500_000, null],
    ]);
    expect(off?.status).toBeNull(); // not evaluated yet
  });

  it("carries each target's verdict once evaluated: the best counting run of its window", async () => {
    await evaluateAll(test.handle.db, { now: NOW });
    const [off, on, sustained] = (await json("")).targets;
    expect([off?.status, off?.measured]).toEqual(["pass", 1_100]);
    expect([on?.status, on?.measured]).toEqual(["fail", 40]);
    expect([sustained?.status, sustained?.measured]).toEqual(["pass", 10_500_000]);
  });

  it("answers a custom range, and one target as CSV with exactly its JSON's runs", async () => {
    expect((await json("from=2026-11-15&to=2026-11-30")).targets[0]?.runs.map((run) => run.runId)).toEqual([
      "off-2",
    ]);
    const one = await json("target=sustained_daily");
    const response = await get("target=sustained_daily&format=csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...lines] = (await response.text()).trimEnd().split("\r\n");
    expect(header).toBe("target,runId,startedAt,nodes,durationS,messages,errors,value,unit,excluded");
    const cell = (value: unknown) => (value === null ? "" : String(value));
    expect(lines).toEqual(
      one.targets[0]?.runs.map((run) =>
        [
          "sustained_daily",
          run.runId,
          run.startedAt,
          run.nodes,
          run.durationS,
          run.messages,
          run.errors,
          run.value,
          "msg/day",
          run.excluded,
        ]
          .map(cell)
          .map((text) => (text.includes(",") ? `"${text}"` : text))
          .join(","),
      ),
    );
  });

  it("refuses a bad query with a 400 naming the parameter, and an unknown target with a 404", async () => {
    for (const [query, message] of [
      ["network=local", /^network: is not collected here/],
      ["range=5y", /^range: /],
      ["to=2026-11-01", /^from: a custom range needs both/],
      ["format=pdf", /^format: /],
    ] as const) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.message, query).toMatch(message);
    }
    const unknown = await get("target=sync_group");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("target: no throughput target sync_group");
  });
});
