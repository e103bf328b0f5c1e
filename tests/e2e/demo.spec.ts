import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../simulation/free-port";

// `npm run demo` as a newcomer runs it (on the build the suite made): one command, a simulated
// network with seven nodes, every page labelled simulated, and nothing left running after Ctrl-C.
test.describe.configure({ timeout: 180_000 });

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(!!socket.end()));
    socket.once("error", () => resolve(false));
  });

test("npm run demo serves a labelled simulated network of seven nodes and stops cleanly on Ctrl-C", async ({
  page,
}) => {
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), "xmtp-demo-"));
  const dataDir = join(root, "demo");
  mkdirSync(dataDir);
  writeFileSync(join(dataDir, "left-from-last-run"), "x"); // each start begins clean
  let output = "";
  const demo = spawn("node_modules/.bin/tsx", ["scripts/demo.ts", "--data-dir", dataDir], {
    detached: true, // its own process group, as a terminal's foreground job is
    env: { ...process.env, PORT: String(port), DATABASE_URL: "", POSTGRES_URL: "" },
  });
  for (const stream of [demo.stdout, demo.stderr])
    stream?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  const exited = new Promise<number | null>((resolve) => demo.on("exit", (code) => resolve(code)));
  try {
    await expect.poll(() => output, { timeout: 120_000 }).toContain(`Ready on http://localhost:${port}`);
    expect(output).toMatch(
      /30 benchmark runs\n.*36 integration test runs\n.*60 fork checks\n.*3 throughput runs\n.*90 days of probes from 3 regions/,
    );
    expect(existsSync(join(dataDir, "left-from-last-run"))).toBe(false);
    const rpcPort = Number(/local EVM on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);

    await page.goto(`http://127.0.0.1:${port}/nodes`);
    await expect(page.getByRole("note")).toContainText("Demo: simulated data.");
    // The registry sync and the first probes land within seconds of the start.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator("tbody tr").count();
        },
        { timeout: 60_000 },
      )
      .toBe(7);
    await expect(page.getByText("5 canonical of at most 7 · 7 registered")).toBeVisible();
    await expect(page.getByText("metadata is not valid JSON")).toBeVisible();
    // Only the simulated network is offered, under a name that cannot pass for a real one.
    await expect(page.getByRole("navigation", { name: "Network" }).getByRole("link")).toHaveText([
      "Demo network (simulated)",
    ]);
    const nodePorts = (await page.locator("tbody tr td:nth-child(6)").allTextContents()).map((address) =>
      Number(/:(\d+)/.exec(address)?.[1]),
    );
    expect(nodePorts).toHaveLength(7);

    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByRole("note")).toContainText("not from XMTP's testnet or mainnet");
    // The pushed QA history is judged on the demo network: a realistic mix, not "insufficient" everywhere.
    const targets = page.getByRole("table", { name: "Every roadmap target, its V3 baseline and status" });
    const status = async (key: string) =>
      ((await targets.getByTestId(`criterion-${key}`).textContent()) ?? "").trim();
    expect(await status("sync_group")).toMatch(/Met$/);
    expect(await status("register_identity")).toMatch(/Not met$/);
    expect(await status("onchain_burst")).toMatch(/Not met$/);
    expect(await status("fork_rate")).toMatch(/Met$/);
    expect(await status("node_reliability")).toMatch(/Not met$/); // the flaky node, over 90 days of probes
    expect(await status("rename_group_10")).toMatch(/Insufficient data$/); // benchmarked for two days only

    // 90 days of probe history: every node has its bars, the flaky one its outage and incident, the
    // node under announced maintenance its window, not counted against it.
    await page.goto(`http://127.0.0.1:${port}/nodes/300`);
    const bars = page.getByTestId("day-bars").locator("li");
    await expect(bars).toHaveCount(90);
    expect(
      await bars.evaluateAll((days) => days.filter((day) => day.dataset.tone === "no_data").length),
    ).toBe(0);
    const outageDay = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
    await expect(bars.filter({ hasText: outageDay })).toHaveAttribute("data-tone", "down");
    await expect(page.getByTestId("day-bars-summary")).toContainText(/\(\d+ min, 1 incident\)/);
    await expect(page.getByText("Probed from")).toBeVisible();
    await page.goto(`http://127.0.0.1:${port}/nodes/200`);
    await expect(page.locator('[data-testid="day-bars"] li[data-maintenance]')).toHaveCount(1);
    await expect(page.getByTestId("day-bars-summary")).toContainText(
      "Announced maintenance (not counted against the node): ",
    );
    await expect(page.getByTestId("day-bars-summary")).toContainText("(2 h)");

    // The CLIs work beside it: the dashboard holding the embedded database runs their commands.
    const cli = (...args: string[]) => {
      const run = spawnSync("node_modules/.bin/tsx", args, {
        env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "", POSTGRES_URL: "" },
        encoding: "utf8",
      });
      return { status: run.status, last: JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "null") };
    };
    const created = cli("scripts/token-create.ts", "--name", "newcomer", "--scopes", "benchmarks");
    expect(created.status).toBe(0);
    expect(created.last.token).toMatch(/^xdm_/);
    const evaluated = cli("scripts/evaluate.ts", "--quiet");
    expect(evaluated.status).toBe(0);
    expect(evaluated.last).toMatchObject({ criteria: 15, errors: 0 });

    // A second demo on the same directory is refused, and the running one keeps its data.
    const second = spawnSync("node_modules/.bin/tsx", ["scripts/demo.ts", "--data-dir", dataDir], {
      env: { ...process.env, PORT: String(await freePort()), DATABASE_URL: "", POSTGRES_URL: "" },
      encoding: "utf8",
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("is already open in another process");
    expect(second.stdout).not.toContain("Starting the simulated network");
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    expect((await page.goto(`http://127.0.0.1:${port}/nodes`))?.status()).toBe(200);
    await expect(page.locator("tbody tr")).toHaveCount(7);

    process.kill(-(demo.pid ?? 0), "SIGINT");
    expect(await exited).toBe(0);
    expect(output.trim().split("\n").at(-1)).toBe('{"stopped":true,"signal":"SIGINT"}'); // the demo's own, after the dashboard's
    for (const open of [port, rpcPort, ...nodePorts])
      expect(await listening(open), `port ${open}`).toBe(false);
  } finally {
    if (demo.exitCode === null) process.kill(-(demo.pid ?? 0), "SIGKILL");
    rmSync(root, { recursive: true, force: true });
  }
});
