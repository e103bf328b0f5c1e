import { spawnSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import {
  dayRowsOf,
  RELIABILITY_CHARTS,
  RELIABILITY_CSV_COLUMNS,
  type ReliabilityView,
} from "@/lib/reliability/view";

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** RFC 4180 cells: quoted where they hold a comma, a quote or a line break. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) cell += char;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries((header ?? []).map((column, i) => [column, cells[i] ?? ""])));
}

/** What each chart's CSV must hold, from its JSON: the rows the API documents, every cell a string. */
function expectedRows(view: ReliabilityView, chart: (typeof RELIABILITY_CHARTS)[number]) {
  const rows: Record<string, unknown>[] =
    chart === "availability"
      ? view.availability.nodes.flatMap((node) =>
          dayRowsOf(node, view.days, view.availability.dayMinutes).map((day) => ({
            nodeId: node.nodeId,
            name: node.name,
            worst: node.worst,
            ...day,
          })),
        )
      : chart === "forks"
        ? view.forks.days
        : chart === "integration"
          ? view.integration.suites.flatMap((suite) =>
              suite.runs.map((run) => ({ sdk: suite.sdk, suite: suite.suite, ...run })),
            )
          : view.replication.points.flatMap((point) =>
              view.replication.nodeIds.map((nodeId, i) => ({
                bucketStart: point.start,
                nodeId,
                lag: point.lags[i],
              })),
            );
  return rows.map((row) =>
    Object.fromEntries(
      RELIABILITY_CSV_COLUMNS[chart].map((column) => [
        column,
        row[column] === null || row[column] === undefined ? "" : String(row[column]),
      ]),
    ),
  );
}

test.describe("reliability", () => {
  test("draws availability, fork rate, integration runs and replication lag against their labelled targets", async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto("/reliability");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reliability");
    await expect(page.getByRole("figure")).toHaveCount(4);

    const availability = page.getByTestId("reliability-availability");
    await expect(availability.locator(".recharts-wrapper > svg")).toContainText("target ≥ 99.99%");
    await expect(availability.locator(".recharts-wrapper > svg")).toContainText("UTC day");
    // The demo's five canonical nodes, one of them marked the worst, in the chart's legend and the table.
    await expect(availability.locator("table tbody tr")).toHaveCount(5);
    await expect(availability.locator("table tbody").getByText("worst", { exact: true })).toHaveCount(1);
    await expect(availability.getByTestId("availability-legend")).toContainText("the worst over the range");
    await expect(availability.getByTestId("availability-legend")).toContainText("4 other canonical nodes");
    // The demo's incident and maintenance window: marked on the chart, labelled, and said in words under it.
    const marked = availability.getByTestId("chart-annotations");
    await expect(marked).toContainText(
      'incident "Polar Relay unreachable after a failed upgrade" on node 300',
    );
    await expect(marked).toContainText('Maintenance "Nodeworks database migration" on node 200');
    // Each mark on the chart (a line where it fits in one day, else a span; the target's line beside
    // them) is labelled with its number in that list. Other specs may post incidents: count what is listed.
    const listed = await marked.locator("li").count();
    expect(listed).toBeGreaterThanOrEqual(2);
    const svg = availability.locator(".recharts-wrapper > svg");
    await expect(svg.locator(".recharts-reference-line, .recharts-reference-area")).toHaveCount(listed + 1);
    for (let number = 1; number <= listed; number++)
      await expect(svg.locator("text").filter({ hasText: new RegExp(`^${number}$`) })).toHaveCount(1);

    const forks = page.getByTestId("reliability-forks");
    await expect(forks.locator(".recharts-wrapper > svg")).toContainText("target = 0%");
    await expect(forks.locator("figcaption")).toContainText("Met");
    await expect(forks.locator("figcaption")).toContainText("0 forked of");

    const integration = page.getByTestId("reliability-integration");
    await expect(integration.getByTestId("integration-suite")).toHaveCount(3);
    await expect(integration.locator(".recharts-wrapper > svg").first()).toContainText(
      "target 100% (last 5 runs)",
    );
    await expect(integration.locator("figcaption")).toContainText("Not met");
    await expect(integration.getByRole("region", { name: /xmtp-android/ })).toContainText(
      "4 of the last 5 runs passed entirely",
    );

    const replication = page.getByTestId("reliability-replication");
    // Cursors come from the live prober (every 10 s in the demo): reload until its rounds are stored.
    // The demo's lagging node stays behind the others.
    await expect(async () => {
      await page.reload();
      await expect(replication.locator("figcaption")).toContainText(
        "Furthest behind in the range: node 500",
        {
          timeout: 2_000,
        },
      );
    }).toPass({ timeout: 60_000 });
    await expect(replication.locator(".recharts-wrapper > svg")).toContainText("sequence ids behind");
    expect(errors).toEqual([]);
  });

  test("a failing run's link leads to its row of failed cases", async ({ page }) => {
    await page.goto("/reliability");
    const android = page.getByRole("region", { name: /xmtp-android/ });
    await android.getByRole("link", { name: /\(2 failed\)$/ }).click();
    await expect(page).toHaveURL(/#run-demo-xmtp-android-\d{4}-\d\d-\d\d$/);
    const row = page.locator(":target");
    await expect(row).toBeVisible();
    await expect(row).toContainText("adds 250 members in one commit");
    await expect(row).toContainText("syncs after a member is removed");
  });

  test("each CSV download parses and holds exactly its chart's JSON", async ({ page, request }) => {
    await page.goto("/reliability");
    for (const [chart, id] of RELIABILITY_CHARTS.map((chart) => [chart, `reliability-${chart}`] as const)) {
      const href = (await page
        .getByTestId(id)
        .getByRole("link", { name: "Download CSV" })
        .getAttribute("href")) as string;
      expect(href).toContain(`chart=${chart}&format=csv`);
      // Both asked for the same range, ended a few minutes ago: the live demo's current bucket
      // (replication lag moves with every probe) must not change between the two requests.
      const fixed = new URL(href, "http://x");
      const to = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000);
      fixed.searchParams.delete("range");
      fixed.searchParams.set("from", new Date(to.getTime() - 30 * 86_400_000).toISOString());
      fixed.searchParams.set("to", to.toISOString());
      const csvHref = `${fixed.pathname}${fixed.search}`;
      const response = await request.get(csvHref);
      expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
      const rows = parseCsv(await response.text());
      const view = (await (await request.get(csvHref.replace("&format=csv", ""))).json()) as ReliabilityView;
      expect(rows.length, chart).toBeGreaterThan(0);
      expect(rows, chart).toEqual(expectedRows(view, chart));
    }
  });

  test("a range change updates the address and the charts; a bad address says what is wrong", async ({
    page,
  }) => {
    await page.goto("/reliability");
    const checked = page.getByTestId("reliability-forks").getByText(/^Days with checks \(\d+\)$/);
    await expect(checked).toHaveText(/\((29|30|31)\)/);
    await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7d" }).click();
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect(checked).toHaveText(/\((6|7|8)\)/);
    await expect(
      page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7d" }),
    ).toHaveAttribute("aria-current", "page");
    await page.goto("/reliability?range=1y");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("range:");
    expect((await page.goto("/reliability?network=mainnet"))?.status()).toBe(404);
  });

  test("a live figure changes after a new run is pushed, without a reload", async ({ page, request }) => {
    // A suite of its own, 60 days back: outside the verdict's 30 days and the other tests' range.
    const suite = `e2e-live-${Date.now()}`;
    await page.clock.install();
    await page.goto("/reliability?range=90d");
    const integration = page.getByTestId("reliability-integration");
    const added = integration.getByRole("region", { name: `e2e-sdk: ${suite}` });
    await expect(integration.getByTestId("integration-suite").first()).toBeVisible();
    await expect(added).toHaveCount(0);
    const created = spawnSync(
      "node_modules/.bin/tsx",
      ["scripts/token-create.ts", "--name", "e2e-live-tests", "--scopes", "tests"],
      {
        env: { ...process.env, PGLITE_DIR: process.env.E2E_DEMO_DIR, DATABASE_URL: "", POSTGRES_URL: "" },
        encoding: "utf8",
      },
    );
    expect(created.status, created.stderr).toBe(0);
    const { token } = JSON.parse(created.stdout.trim().split("\n").at(-1) as string);
    const pushed = await request.post("/api/ingest/integration-tests", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        runId: suite,
        suite,
        sdk: "e2e-sdk",
        network: "local",
        startedAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
        passed: 10,
        failed: 0,
      },
    });
    expect(pushed.status(), await pushed.text()).toBe(201);
    await page.clock.runFor(31_000);
    // Drawn live; 60 days old, it is outside the verdict's 30 days, and the suite says so.
    await expect(added.locator(".recharts-bar-rectangle")).toHaveCount(1);
    await expect(added).toContainText("the verdict reads none of these runs");
  });

  test("passes axe accessibility checks in light and dark, at 360 px too", async ({ page }) => {
    test.setTimeout(120_000); // four full axe runs
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/reliability");
        await expect(page.locator(".recharts-wrapper")).toHaveCount(6);
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
