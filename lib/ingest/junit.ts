import { XMLParser } from "fast-xml-parser";
import { IngestError } from "./errors";

type Case = { name: string; status: "passed" | "failed" | "skipped"; durationMs: number };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // No entity expansion at all: a hostile document cannot blow up (billion laughs) or reach files.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  isArray: (name) => name === "testsuite" || name === "testcase",
});

type XmlCase = {
  name?: string;
  classname?: string;
  time?: string;
  failure?: unknown;
  error?: unknown;
  skipped?: unknown;
};
type XmlSuite = { timestamp?: string; testcase?: XmlCase[]; testsuite?: XmlSuite[] };

/** JUnit XML (vitest, jest, Surefire…) → the JSON shape of an integration run, given its runId, suite, sdk, network. */
export function junitToRun(xml: string, params: URLSearchParams) {
  let document: { testsuites?: XmlSuite & { testsuite?: XmlSuite[] }; testsuite?: XmlSuite[] };
  try {
    document = parser.parse(xml, true) as typeof document;
  } catch (error) {
    throw new IngestError(
      400,
      "invalid_xml",
      `the body is not well-formed XML: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  const suites = document.testsuites?.testsuite ?? document.testsuite;
  if (!suites)
    throw new IngestError(400, "invalid_junit", "the XML has no <testsuites> or <testsuite> element");
  const cases: Case[] = [];
  const walk = (suite: XmlSuite) => {
    for (const c of suite.testcase ?? []) {
      const status =
        c.failure !== undefined || c.error !== undefined
          ? "failed"
          : c.skipped !== undefined
            ? "skipped"
            : "passed";
      const seconds = Number(c.time ?? 0);
      cases.push({
        name: [c.classname, c.name].filter(Boolean).join(" › ") || "(unnamed)",
        status,
        durationMs: Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000 * 1000) / 1000 : 0,
      });
    }
    for (const inner of suite.testsuite ?? []) walk(inner);
  };
  for (const suite of suites) walk(suite);
  const stamped = suites.find((suite) => suite.timestamp)?.timestamp;
  const startedAt =
    params.get("startedAt") ?? (stamped && /(Z|[+-]\d\d:?\d\d)$/.test(stamped) ? stamped : undefined);
  const count = (status: Case["status"]) => cases.filter((c) => c.status === status).length;
  return {
    runId: params.get("runId") ?? undefined,
    suite: params.get("suite") ?? undefined,
    sdk: params.get("sdk") ?? undefined,
    network: params.get("network") ?? undefined,
    startedAt,
    passed: count("passed"),
    failed: count("failed"),
    skipped: count("skipped"),
    cases,
  };
}
