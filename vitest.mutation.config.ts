import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The unit suite as Stryker runs it: one project (Stryker cannot pick a project out of a
// workspace), and without the layering test, which reads the source tree rather than running lib/.
const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    exclude: ["tests/unit/layering.test.ts"],
    environment: "node",
  },
});
