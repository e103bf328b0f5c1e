import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTurn } from "@/db/mutations/job-leases";
import { startScheduler } from "@/server/jobs/scheduler";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("job turns shared by app instances", () => {
  it("gives a job's turn to one holder until it expires, and lets the holder claim again", async () => {
    const db = test.handle.db;
    const turn = (holder: string, forMs = 300) => claimTurn(db, { name: "rollup", holder, forMs });
    expect(await turn("a")).toBe(true);
    expect(await turn("b")).toBe(false);
    expect(await turn("a")).toBe(true);
    expect(await claimTurn(db, { name: "evaluate", holder: "b", forMs: 300 })).toBe(true);
    await sleep(400);
    expect(await turn("b")).toBe(true);
    expect(await turn("a")).toBe(false);
  });

  it("runs a scheduled job once per interval across two instances racing for every tick", async () => {
    const db = test.handle.db;
    const runs: string[] = [];
    const instance = (holder: string) =>
      startScheduler(
        [
          {
            name: "probe:local",
            intervalMs: 400,
            run: async () => {
              runs.push(holder);
            },
          },
        ],
        {
          log: () => {},
          claim: (job) => claimTurn(db, { name: job.name, holder, forMs: job.intervalMs / 2 }),
        },
      );
    const schedulers = [instance("a"), instance("b")];
    await sleep(1000); // ticks at 0, 0.4 and 0.8 s on each instance
    for (const scheduler of schedulers) scheduler.stop();
    // Without turns both instances would run at every tick: 6 runs. With them, one per tick (a tick
    // delayed on a loaded machine may find the turn still held: never more, sometimes fewer).
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(3);
  });
});
