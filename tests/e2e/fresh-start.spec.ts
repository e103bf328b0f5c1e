import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { type Started, startCommand, stopCommand } from "./support/processes";

// A newcomer's first `npm start`, before the demo: a fresh embedded database and the two public
// networks, whose RPCs this machine cannot reach (they point at a closed local port). Nothing is
// measured, and every page says so instead of showing numbers.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let server: Started | undefined;
let dataDir = "";
const url = (path: string) => `${server?.url}${path}`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), "xmtp-fresh-"));
  server = await startCommand("scripts/start.ts", {
    env: {
      PGLITE_DIR: join(dataDir, "pglite"),
      XMTP_NETWORKS: "testnet,mainnet",
      TESTNET_RPC_URL: "http://127.0.0.1:4",
      MAINNET_RPC_URL: "http://127.0.0.1:4",
      WORKER: "inline",
    },
  });
});

test.afterAll(async () => {
  await stopCommand(server);
  rmSync(dataDir, { recursive: true, force: true });
});

test("the overview shows the four stages with the team's status, and nothing measured as met", async ({
  page,
}) => {
  await page.goto(url("/"));
  await expect(page.getByRole("region", { name: "Roadmap stages" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByTestId("stage-1")).toContainText("Complete");
  await expect(page.getByTestId("stage-2")).toContainText("In progress");
  // Evaluated by the worker as it starts; nothing measured on testnet here, so nothing is met.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("stage-2")).toContainText("0 of 13 targets met, 13 open", {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  const table = page.getByRole("table", { name: "Every roadmap target, its V3 baseline and status" });
  // Before the first evaluation "No data yet", after it "Insufficient data": never a number.
  for (const key of ["sync_group", "send_message", "rename_group_10", "node_reliability"])
    await expect(table.getByTestId(`criterion-${key}`)).toContainText(/No data yet|Insufficient data/);
});

test("says which data source is unreachable and since when, and keeps serving", async ({ page }) => {
  await expect(async () => {
    await page.goto(url("/"));
    await expect(page.getByTestId("source-status")).toContainText(
      /Testnet registry RPC \(127\.0\.0\.1:4\) unreachable since \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
      { timeout: 1000 },
    );
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("source-status")).toContainText("connection refused (ECONNREFUSED)");
  await expect(page.getByTestId("stage-2")).toBeVisible();
});

test("switches network from the header and keeps it in the URL", async ({ page }) => {
  await page.goto(url("/"));
  await expect(page.getByRole("heading", { name: "Testnet now" })).toBeVisible();
  await page.getByRole("navigation", { name: "Network" }).getByRole("link", { name: "Mainnet" }).click();
  await expect(page).toHaveURL(/\?network=mainnet$/);
  await expect(page.getByRole("heading", { name: "Mainnet now" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Network" }).getByRole("link", { name: "Mainnet" }),
  ).toHaveAttribute("aria-current", "page");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Stages" }).click();
  await expect(page).toHaveURL(/\/stages\?network=mainnet$/);
});

test("a network nobody has probed, whose registry is unreachable, shows empty states, not errors", async ({
  page,
}) => {
  await page.goto(url("/?network=mainnet"));
  await expect(page.getByRole("region", { name: "Mainnet now" })).toContainText("No probe data yet");
  await expect(page.getByTestId("nodes-up")).toContainText("—");
  await page.goto(url("/nodes?network=mainnet"));
  await expect(page.getByRole("status")).toContainText("No nodes yet: the registry has not been read yet.");
});

test("a stage page says which targets lack data", async ({ page }) => {
  await page.goto(url("/stages/1"));
  const missing = page.getByRole("region", { name: "What is still missing" });
  await expect(async () => {
    await page.reload();
    await expect(missing).toContainText(
      "Canonical testnet nodes run by distinct operators: not enough data",
      {
        timeout: 1000,
      },
    );
  }).toPass({ timeout: 30_000 });
  await expect(missing).toContainText("Testnet funding portal live");
});

test("the read API answers with no data: no nodes, no readiness, evidence without results", async ({
  request,
}) => {
  const summary = await (await request.get(url("/api/v1/summary?network=testnet"))).json();
  expect(summary).toMatchObject({
    network: "testnet",
    currentStage: { number: 2, title: "Testnet validation", declaredStatus: "in_progress" },
    readiness: { ready: false, targetsMet: 0, targetsTotal: 14 },
    nodes: { total: 0, status: "unknown" },
  });
  await expect(async () => {
    const evidence = await (await request.get(url("/api/v1/criteria/sync_group/evidence"))).json();
    expect(evidence).toMatchObject({ input: { kind: "latency_p95", results: [] } });
    expect(evidence.evaluation.status).toBe("insufficient_data");
  }).toPass({ timeout: 30_000 });
});
