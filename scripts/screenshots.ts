import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/support/chromium";
import { runCli } from "./lib/cli";

const usage = `
Usage: npm run screenshots -- [--base URL] [--out DIR] [--paths /,/stages/2]

Screenshots each page of a running dashboard at 360 px and 1280 px wide, light and dark, with
Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Defaults: http://localhost:3000, screenshots/.
`;

await runCli({
  usage,
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    out: { type: "string", default: "screenshots" },
    paths: { type: "string", default: "/,/stages/2,/nodes" },
  },
  main: async ({ values }) => {
    mkdirSync(values.out, { recursive: true });
    const browser = await chromium.launch(chromiumLaunchOptions());
    const files: string[] = [];
    try {
      for (const path of values.paths.split(",")) {
        for (const width of [360, 1280]) {
          for (const colorScheme of ["light", "dark"] as const) {
            const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
            await page.goto(new URL(path, values.base).toString(), { waitUntil: "networkidle" });
            const name = `${path.replace(/\W+/g, "_").replace(/^_|_$/g, "") || "overview"}-${width}-${colorScheme}.png`;
            await page.screenshot({ path: `${values.out}/${name}`, fullPage: true });
            files.push(name);
            await page.close();
          }
        }
      }
    } finally {
      await browser.close();
    }
    return { screenshots: files.length, out: values.out };
  },
});
