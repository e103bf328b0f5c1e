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

/** Where a JUnit run's start time came from, as the response says. */
export type StartedAtFrom = "query" | "report" | "report_as_utc" | "received";

const ZONED = /(Z|[+-]\d\d:?\d\d)$/i;
const NAIVE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/;

/**
 * When the run started: the `startedAt` query parameter, else the report's first timestamp. Runners
 * send reports as they are: jest-junit and pytest write local times without a zone, taken as UTC;
 * a report with no usable timestamp is dated when it was received.
 */
function startOf(stamped: string | undefined, params: URLSearchParams, receivedAt: Date) {
  const query = params.get("startedAt");
  if (query !== null) return { startedAt: query, startedAtFrom: "query" as const };
  // Stryker disable next-line MethodExpression: the parser already trims attribute values (trimValues), so this is a guard only
  const stamp = stamped?.trim();
  if (stamp && ZONED.test(stamp) && !Number.isNaN(Date.parse(stamp)))
    return { startedAt: stamp, startedAtFrom: "report" as const };
  if (stamp && NAIVE.test(stamp) && !Number.isNaN(Date.parse(`${stamp}Z`)))
    return { startedAt: `${stamp}Z`, startedAtFrom: "report_as_utc" as const };
  return { startedAt: receivedAt.toISOString(), startedAtFrom: "received" as const };
}

/** JUnit XML (vitest, jest, Surefire…) → the JSON shape of an integration run, given its runId, suite, sdk, network. */
export function junitToRun(xml: string, params: URLSearchParams, receivedAt: Date) {
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
        durationMs: Number.isFinite(seconds) ? Math.max(0, Math.round(seconds * 1000 * 1000) / 1000) : 0,
      });
    }
    for (const inner of suite.testsuite ?? []) walk(inner);
  };
  for (const suite of suites) walk(suite);
  const stamped = suites.find((suite) => suite.timestamp)?.timestamp;
  const { startedAt, startedAtFrom } = startOf(stamped, params, receivedAt);
  const count = (status: Case["status"]) => cases.filter((c) => c.status === status).length;
  return {
    runId: params.get("runId") ?? undefined,
    suite: params.get("suite") ?? undefined,
    sdk: params.get("sdk") ?? undefined,
    network: params.get("network") ?? undefined,
    startedAt,
    startedAtFrom,
    passed: count("passed"),
    failed: count("failed"),
    skipped: count("skipped"),
    cases,
  };
}
