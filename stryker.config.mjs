// @ts-check
/** Mutation testing of the pure domain (lib/) with the unit tests: `npm run test:mutation`. */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  mutate: ["lib/**/*.ts"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 10_000,
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/mutation/incremental.json",
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: ".stryker-tmp",
  // Only the source and tests go into the sandbox, not builds, data or earlier runs.
  ignorePatterns: [
    ".stryker-tmp*",
    ".next",
    ".data",
    "reports",
    "test-results",
    "playwright-report",
    "screenshots",
    "coverage",
  ],
};

export default config;
