import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

function start(env: Record<string, string>) {
  return run(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, ...env },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe("npm start with a bad environment", () => {
  it("stops before building or serving, naming the variable", async () => {
    const result = await start({ PROBE_INTERVAL_S: "often", DATABASE_URL: "" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PROBE_INTERVAL_S: must be a whole number");
    expect(result.stdout).not.toContain("next build");
  });

  it("refuses a malformed DATABASE_URL without echoing it", async () => {
    const result = await start({ DATABASE_URL: "mysql://admin:hunter2@db/x" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(result.stderr + result.stdout).not.toContain("hunter2");
  });
});
