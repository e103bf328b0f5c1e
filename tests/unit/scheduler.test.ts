import { afterEach, describe, expect, it, vi } from "vitest";
import { startScheduler } from "@/server/jobs/scheduler";

afterEach(() => {
  vi.useRealTimers();
});

describe("the in-process scheduler", () => {
  it("runs a job at once and then every interval, never overlapping itself", async () => {
    vi.useFakeTimers();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const slow = () =>
      new Promise<void>((resolve) => {
        running++;
        runs++;
        maxRunning = Math.max(maxRunning, running);
        setTimeout(() => {
          running--;
          resolve();
        }, 2500);
      });
    const scheduler = startScheduler([{ name: "slow", intervalMs: 1000, run: slow }]);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(2600); // ticks at 1 s and 2 s find it still running
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(500); // tick at 3 s starts the second run
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
    scheduler.stop();
  });

  it("logs a failing job and keeps running it and the others", async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    let healthyRuns = 0;
    let failingRuns = 0;
    const broken = async () => {
      failingRuns++;
      throw new Error("rpc down");
    };
    const healthy = async () => {
      healthyRuns++;
    };
    const scheduler = startScheduler(
      [
        { name: "broken", intervalMs: 1000, run: broken },
        { name: "healthy", intervalMs: 1000, run: healthy },
      ],
      { log: (line) => lines.push(line) },
    );
    await vi.advanceTimersByTimeAsync(2000);
    scheduler.stop();
    expect([failingRuns, healthyRuns]).toEqual([3, 3]);
    expect(lines).toEqual(Array(3).fill("[worker] broken failed: rpc down"));
  });

  it("skips a run whose turn another instance holds, and logs a claim that fails", async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    let runs = 0;
    const answers = [true, false, false, "down", true];
    const claim = async () => {
      const answer = answers.shift();
      if (answer === "down") throw new Error("database unreachable");
      return answer === true;
    };
    const scheduler = startScheduler(
      [
        {
          name: "probe:testnet",
          intervalMs: 1000,
          run: async () => {
            runs++;
          },
        },
      ],
      { log: (line) => lines.push(line), claim },
    );
    await vi.advanceTimersByTimeAsync(4000);
    scheduler.stop();
    expect(runs).toBe(2); // ticks 0 and 4 s had the turn
    expect(lines).toEqual(["[worker] probe:testnet failed: database unreachable"]);
  });

  it("keeps claiming a job's turn while a long run lasts, and stops when it ends", async () => {
    vi.useFakeTimers();
    let claims = 0;
    const claim = async () => {
      claims++;
      return true;
    };
    const long = () => new Promise<void>((resolve) => setTimeout(resolve, 2500));
    const scheduler = startScheduler([{ name: "rollup", intervalMs: 1000, run: long }], { claim });
    await vi.advanceTimersByTimeAsync(2600); // the run: claimed at 0, renewed every 333 ms until 2.5 s
    expect(claims).toBe(1 + 7);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(2000);
    expect(claims).toBe(8);
  });
});
