import { spawnSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import type { LatencyPoint } from "@/lib/latency/series";

const OPERATIONS = [
  ["sync_group", "target < 100 ms", "V3 ~100 ms", "Met"],
  ["send_message", "target < 400 ms", "V3 ~250 ms", "Not met"],
  ["create_group_100", "target < 2.5 s", "V3 ~4 s", "Met"],
  ["register_identity", "target < 1.5 s", "V3 ~350 ms", "Not met"],
  ["add_member_10", "target < 1.5 s", "V3 ~250 ms", "Met"],
  ["add_member_250", "target < 1.5 s", "V3 ~750 ms", "Met"],
  ["rename_group_10", "target < 1.5 s", "V3 ~100 ms", "Insufficient data"],
] as const;

/** Console errors and uncaught exceptions of a page, to assert there are none. */
function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test.describe("latency", () => {
  test("draws each operation's percentiles against its labelled target and V3 line, with its verdict", async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto("/latency");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latency");
    await expect(page.getByRole("figure")).toHaveCount(7);
    for (const [key, target, baseline, verdict] of OPERATIONS) {
      const figure = page.getByTestId(`latency-${key}`);
      const chart = figure.locator(".recharts-wrapper > svg");
      await expect(chart).toContainText(target);
      await expect(chart).toContainText(baseline);
      await expect(chart).toContainText("UTC day");
      await expect(chart).toContainText("ms");
      await expect(figure.locator(".recharts-line")).toHaveCount(3);
      await expect(figure.locator("figcaption")).toContainText(verdict);
    }
    // The caption gives the range's merged figures with their sample count: 29 or 30 nightly runs of
    // 40 samples (02:00 UTC) in 30 days, by the hour of the day.
    await expect(page.getByTestId("latency-sync_group").locator("figcaption")).toContainText(
      /p95 \d+(\.\d)? ms · p99 .* · n = 1,(160|200)\b/,
    );
    await expect(
      page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "30d" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("updated-ago")).toContainText("Live: updated");
    // The ticking clock is not a live region (read out every 5 s); only a failed refresh is announced.
    await expect(page.getByTestId("updated-ago")).not.toHaveAttribute("aria-live");
    await expect(page.getByTestId("updated-ago").getByRole("status")).toBeEmpty();
    expect(errors).toEqual([]);
  });

  test("each CSV download parses and holds exactly its chart's JSON", async ({ page, request }) => {
    await page.goto("/latency?range=7d");
    for (const [key] of OPERATIONS) {
      const href = await page
        .getByTestId(`latency-${key}`)
        .getByRole("link", { name: "Download CSV" })
        .getAttribute("href");
      expect(href).toContain(`operation=${key}`);
      const csv = await request.get(href as string);
      expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      const [header, ...lines] = (await csv.text()).trimEnd().split("\r\n");
      const columns = (header as string).split(",");
      const rows = lines.map((line) =>
        Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])),
      );
      const view = await (await request.get((href as string).replace("&format=csv", ""))).json();
      const cell = (value: number | null) => (value === null ? "" : String(value));
      expect(rows, key).toEqual(
        view.operations[0].points.map((point: LatencyPoint) => ({
          operation: key,
          bucketStart: point.start,
          samples: String(point.samples),
          p50Ms: cell(point.p50Ms),
          p95Ms: cell(point.p95Ms),
          p99Ms: cell(point.p99Ms),
        })),
      );
      expect(rows.length).toBeGreaterThanOrEqual(7);
    }
  });

  test("a range change updates the address and the charts", async ({ page }) => {
    await page.goto("/latency");
    // The table alternative, inside its closed <details>.
    const table = page.getByTestId("latency-sync_group").locator("table");
    await expect(table.locator("tbody tr")).toHaveCount(31);
    await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7d" }).click();
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect(table.locator("tbody tr")).toHaveCount(8);
    await expect(page.getByTestId("latency-sync_group").locator("figcaption")).toContainText(/n = 2[48]0\b/);

    // A custom range of one UTC day is drawn by the hour.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const custom = page.getByRole("form", { name: "Custom range" });
    await custom.getByLabel("From (UTC day)").fill(yesterday);
    await custom.getByLabel("To (UTC day)").fill(yesterday);
    await custom.getByRole("button", { name: "Show range" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${yesterday}&to=${yesterday}`));
    await expect(table.locator("tbody tr")).toHaveCount(24);
    await expect(page.getByTestId("latency-sync_group").locator(".recharts-wrapper > svg")).toContainText(
      "UTC hour",
    );
    await expect(page.getByRole("navigation", { name: "Time range" })).toContainText(
      `${yesterday} to ${yesterday} (UTC)`,
    );

    // The filters keep the range.
    const filters = page.getByRole("form", { name: "Filters" });
    await filters.getByLabel("Region").selectOption("us-east");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/region=us-east/);
    await expect(page).toHaveURL(new RegExp(`from=${yesterday}`));
    await expect(table.locator("tbody tr")).toHaveCount(24);
  });

  test("an address it cannot show says what is wrong; an uncollected network is not found", async ({
    page,
  }) => {
    await page.goto("/latency?from=2026-11-05&to=2026-11-01");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("to: must be after from");
    await expect(page.getByRole("figure")).toHaveCount(0);
    await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "24h" }).click();
    await expect(page.getByRole("figure")).toHaveCount(7);
    expect((await page.goto("/latency?network=mainnet"))?.status()).toBe(404);
  });

  test("a live figure changes after new results are pushed, without a reload", async ({ page, request }) => {
    // A region of its own, 60 days back: in no verdict's window and no other spec's range.
    const region = `e2e-live-${Date.now()}`;
    await page.clock.install();
    await page.goto(`/latency?range=90d&region=${region}`);
    const figure = page.getByTestId("latency-sync_group");
    await expect(figure.getByRole("status")).toContainText(
      `No benchmark results for this operation in this range from ${region}`,
    );
    await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Region")).toHaveValue(region);

    const created = spawnSync(
      "node_modules/.bin/tsx",
      ["scripts/token-create.ts", "--name", "e2e-live", "--scopes", "benchmarks"],
      {
        env: { ...process.env, PGLITE_DIR: process.env.E2E_DEMO_DIR, DATABASE_URL: "", POSTGRES_URL: "" },
        encoding: "utf8",
      },
    );
    expect(created.status, created.stderr).toBe(0);
    const { token } = JSON.parse(created.stdout.trim().split("\n").at(-1) as string);
    const startedAt = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const pushed = await request.post("/api/ingest/benchmarks", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        runId: region,
        source: "e2e",
        network: "local",
        region,
        sdk: "xmtp-js",
        startedAt,
        results: [{ operation: "groupsync-10", durationsMs: [41, 42, 43] }],
      },
    });
    expect(pushed.status(), await pushed.text()).toBe(201);

    await page.clock.runFor(31_000);
    await expect(figure.locator("figcaption")).toContainText("n = 3");
    await expect(figure.locator(".recharts-wrapper > svg")).toContainText("target < 100 ms");
    await expect(page.getByTestId("updated-ago")).toContainText("Live: updated");
  });

  test("passes axe accessibility checks in light and dark, at 360 px too", async ({ page }) => {
    test.setTimeout(120_000); // four full axe runs over seven charts' tables
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/latency");
        await page.getByTestId("latency-sync_group").getByText("Table of this chart").click();
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map(
            (v) => `${colorScheme} ${width} ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`,
          ),
        ).toEqual([]);
      }
    }
  });
});
