import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { lastLine, listening, type Started, startCommand, stopCommand } from "./support/processes";

// `npm run demo` as a newcomer runs it (on the build the suite made), from a directory an earlier
// run left behind, and stopped with Ctrl-C: nothing it started is left running.
test("npm run demo starts clean, serves seven nodes within seconds, and stops everything on Ctrl-C", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), "xmtp-demo-"));
  const dataDir = join(root, "demo");
  mkdirSync(dataDir);
  writeFileSync(join(dataDir, "left-from-last-run"), "x");
  let demo: Started | undefined;
  try {
    demo = await startCommand("scripts/demo.ts", { args: ["--data-dir", dataDir], readyWithin: 150_000 });
    const output = demo.output();
    expect(output).toMatch(
      /30 benchmark runs\n.*36 integration test runs\n.*60 fork checks\n.*12 throughput runs\n.*90 days of probes from 3 regions/,
    );
    expect(existsSync(join(dataDir, "left-from-last-run"))).toBe(false);
    const rpcPort = Number(/local EVM on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);

    // The registry sync and the first probes land within seconds of the start.
    await expect
      .poll(
        async () => {
          await page.goto(`${demo?.url}/nodes`);
          return page.locator("tbody tr").count();
        },
        { timeout: 60_000 },
      )
      .toBe(7);
    const nodePorts = (await page.locator("tbody tr td:nth-child(6)").allTextContents()).map((address) =>
      Number(/:(\d+)/.exec(address)?.[1]),
    );
    expect(nodePorts).toHaveLength(7);

    demo.interrupt();
    expect(await demo.exited).toBe(0);
    expect(lastLine(demo.output())).toBe('{"stopped":true,"signal":"SIGINT"}'); // the demo's own, after the dashboard's
    for (const open of [demo.port, rpcPort, ...nodePorts])
      expect(await listening(open), `port ${open}`).toBe(false);
  } finally {
    await stopCommand(demo);
    rmSync(root, { recursive: true, force: true });
  }
});
