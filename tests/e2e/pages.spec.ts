import { expect, test } from "@playwright/test";

test("a stage page lists its milestones, targets and what is still missing", async ({ page }) => {
  await page.goto("/stages/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Testnet relaunch");
  await expect(page.getByTestId("milestone-s1-three-nodes")).toContainText("Three nodes deployed");
  await expect(page.getByTestId("milestone-s1-three-nodes")).toContainText("(done)");
  await expect(page.getByTestId("milestone-s1-funding-portal")).toContainText("(open)");
  // Its one target is met on the demo network (5 operators), so only milestones are missing.
  const missing = page.getByRole("region", { name: "What is still missing" });
  await expect(missing).toContainText("Testnet funding portal live");
  await expect(missing).not.toContainText("Canonical testnet nodes run by distinct operators");
  // The team marked stage 1 complete while a milestone is open: the page says so in words.
  await expect(page.getByTestId("declared-vs-measured")).toHaveText(
    /^The team marked this stage complete; \d+ milestones? (is|are) open\.$/,
  );
  await page.goto("/stages/2");
  // Insufficient data says what is missing.
  await expect(page.getByRole("region", { name: "What is still missing" })).toContainText(
    /Rename a 10-member group: not enough data: \d+ of 100 samples in the last 7 days/,
  );
  await expect(page.getByTestId("criterion-rename_group_10").getByTestId("missing-note")).toHaveText(
    /^\d+ of 100 samples in the last 7 days$/,
  );
  await expect(page.getByTestId("criterion-send_message").getByTestId("missing-note")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "What is still missing" })).toContainText(
    /Send a message to a group, members see it \(including stream\): not met: [\d.,]+ m?s against < 400 ms/,
  );
});

test("the overview shows each stage's targets met as a bar beside the words", async ({ page }) => {
  await page.goto("/");
  const stage1 = page.getByTestId("stage-1");
  await expect(stage1.getByTestId("targets-bar").locator('[data-segment="passed"]')).toHaveAttribute(
    "style",
    /width: ?100%/,
  );
  await expect(stage1).toContainText("All 1 target met");
  const stage2 = page.getByTestId("stage-2");
  const segments = stage2.getByTestId("targets-bar").locator("[data-segment]");
  await expect(segments).toHaveCount(3); // met, not met and without enough data
  await expect(stage2).toContainText(/\d+ of \d+ targets met, \d+ open/);
});

test("an unknown stage is not found", async ({ page }) => {
  expect((await page.goto("/stages/9"))?.status()).toBe(404);
  expect((await page.goto("/stages/two"))?.status()).toBe(404);
});

test("every page of the navigation opens on figures, none of them a placeholder", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Pages" });
  const names = (await nav.getByRole("link").allTextContents()).filter((name) => name !== "Overview");
  expect(names).toContain("Partners");
  for (const name of names) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Coming soon")).toHaveCount(0);
  }
  await nav.getByRole("link", { name: "Methodology" }).click();
  await expect(page.getByRole("heading", { name: "Regional quorum" })).toBeVisible();
});

test("the site has an icon where browsers look for one", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/x-icon");
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
});
