import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cruise, type IConfiguration, type ICruiseResult } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;

type Tree = Record<string, string>;

async function writeTree(prefix: string, tree: Tree): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  for (const [path, contents] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  return root;
}

async function cruiseTree(root: string, folders: string[]): Promise<ICruiseResult> {
  const tsConfigFile = join(root, "tsconfig.json");
  const { output } = await cruise(
    folders,
    {
      ...config.options,
      baseDir: root,
      tsConfig: { fileName: tsConfigFile },
      ruleSet: { forbidden: config.forbidden },
      validate: true,
    },
    { bustTheCache: true },
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  if (typeof output === "string") throw new Error("expected a cruise result object");
  return output;
}

function violationsOf(result: ICruiseResult): string[] {
  return result.summary.violations
    .map(({ rule, from, to, cycle }) => {
      const through = cycle ? ` (cycle ${[from, ...cycle.map(({ name }) => name)].join(" → ")})` : "";
      return `${rule.name}: ${from} → ${to}${through}`;
    })
    .sort();
}

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: "esnext", moduleResolution: "bundler", baseUrl: ".", paths: { "@/*": ["./*"] } },
});

describe("the layering rule on a tree with known violations", () => {
  let root: string;
  let violations: string[];

  beforeAll(async () => {
    root = await writeTree("layering-", {
      "tsconfig.json": TSCONFIG,
      "lib/a.ts": 'import { b } from "../db/b";\nexport const a = b;\n',
      "db/b.ts": 'import { c } from "../lib/c";\nexport const b = c;\n',
      "lib/c.ts": 'import { d } from "./d";\nexport const c = 1;\nexport const cd = () => d;\n',
      "lib/d.ts": 'import { c } from "./c";\nexport const d = () => c;\n',
      "components/e.tsx": 'import { b } from "../db/b";\nexport const E = () => b;\n',
      "server/f.ts": 'import { b } from "../db/b";\nimport { c } from "../lib/c";\nexport const f = b + c;\n',
    });
    violations = violationsOf(await cruiseTree(root, ["lib", "db", "components", "server"]));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("reports exactly the expected violations and nothing else", () => {
    expect(violations).toEqual([
      "components-only-use-lib: components/e.tsx → db/b.ts",
      "lib-is-the-domain: lib/a.ts → db/b.ts",
      "no-circular: lib/c.ts → lib/d.ts (cycle lib/c.ts → lib/d.ts → lib/c.ts)",
    ]);
  });

  it("an import from lib/ into db/ is refused", () => {
    expect(violations).toContain("lib-is-the-domain: lib/a.ts → db/b.ts");
  });

  it("an import from components/ into db/ is refused", () => {
    expect(violations).toContain("components-only-use-lib: components/e.tsx → db/b.ts");
  });

  it("two lib/ modules importing each other are refused as a cycle", () => {
    expect(violations).toContain("no-circular: lib/c.ts → lib/d.ts (cycle lib/c.ts → lib/d.ts → lib/c.ts)");
  });

  it("an import from db/ into lib/ is allowed", () => {
    expect(violations.filter((violation) => violation.includes(" db/b.ts → "))).toEqual([]);
  });

  it("imports from server/ into db/ and lib/ are allowed", () => {
    expect(violations.filter((violation) => violation.includes(" server/f.ts → "))).toEqual([]);
  });
});

describe("the layering rule sees through aliases, type-only imports and packages", () => {
  let root: string;
  let violations: string[];

  beforeAll(async () => {
    root = await writeTree("layering-alias-", {
      "tsconfig.json": TSCONFIG,
      "node_modules/react/package.json": JSON.stringify({ name: "react", main: "index.js" }),
      "node_modules/react/index.js": "module.exports = {};\n",
      "db/b.ts": "export type Row = { id: number };\n",
      "db/mutations/save.ts": "export const save = () => 1;\n",
      "db/queries/read.ts": "export const read = () => 1;\n",
      "app/page.tsx":
        'import { save } from "@/db/mutations/save";\nimport { read } from "@/db/queries/read";\nexport const Page = () => save() + read();\n',
      "lib/typed.ts": 'import type { Row } from "@/db/b";\nexport const id = (row: Row) => row.id;\n',
      "lib/framework.ts": 'import react from "react";\nexport const framework = react;\n',
      "lib/missing.ts": 'import { gone } from "@/lib/gone";\nexport const missing = gone;\n',
    });
    violations = violationsOf(await cruiseTree(root, ["lib", "db", "app"]));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("a type-only import from lib/ into db/ through the @/ alias is refused", () => {
    expect(violations).toContain("lib-is-the-domain: lib/typed.ts → db/b.ts");
  });

  it("an import of react from lib/ is refused", () => {
    expect(violations).toContain("lib-is-framework-free: lib/framework.ts → node_modules/react/index.js");
  });

  it("an import that resolves to nothing is refused", () => {
    expect(violations).toContain("no-unresolvable: lib/missing.ts → @/lib/gone");
  });

  it("a route importing db/mutations is refused, one importing db/queries is not", () => {
    expect(violations).toContain("routes-write-through-server: app/page.tsx → db/mutations/save.ts");
    expect(violations.filter((violation) => violation.includes("db/queries/read.ts"))).toEqual([]);
  });

  it("reports nothing beyond those four", () => {
    expect(violations).toHaveLength(4);
  });
});
