import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/errors";
import { junitToRun } from "@/lib/ingest/junit";

const RECEIVED = new Date("2026-11-21T08:30:00.000Z");
const QUERY = new URLSearchParams("runId=ci-1&suite=sdk-integration&sdk=node&network=testnet");
const run = (xml: string, params = QUERY) => junitToRun(xml, params, RECEIVED);
const report = (cases: string, suiteAttributes = "") =>
  `<testsuites><testsuite name="s"${suiteAttributes}>${cases}</testsuite></testsuites>`;

function refusal(xml: string): IngestError {
  try {
    run(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error("the report was accepted");
}

describe("a JUnit report as an integration run", () => {
  it("takes the run's identity from the query, and counts its cases by status", () => {
    const xml = report(
      [
        '<testcase classname="groups" name="creates a group" time="0.25"/>',
        '<testcase classname="groups" name="syncs a group" time="1.5"><failure message="expected 2"/></testcase>',
        '<testcase name="streams" time="0.1"><error type="Timeout">stack</error></testcase>',
        '<testcase name="rotates keys"><skipped/></testcase>',
      ].join(""),
      ' timestamp="2026-11-20T10:00:00Z"',
    );
    expect(run(xml)).toEqual({
      runId: "ci-1",
      suite: "sdk-integration",
      sdk: "node",
      network: "testnet",
      startedAt: "2026-11-20T10:00:00Z",
      startedAtFrom: "report",
      passed: 1,
      failed: 2,
      skipped: 1,
      cases: [
        { name: "groups › creates a group", status: "passed", durationMs: 250 },
        { name: "groups › syncs a group", status: "failed", durationMs: 1500 },
        { name: "streams", status: "failed", durationMs: 100 },
        { name: "rotates keys", status: "skipped", durationMs: 0 },
      ],
    });
  });

  it("leaves what the query does not name undefined, for the schema to name", () => {
    const converted = run(report('<testcase name="a"/>'), new URLSearchParams());
    expect(converted.runId).toBeUndefined();
    expect(converted.suite).toBeUndefined();
    expect(converted.sdk).toBeUndefined();
    expect(converted.network).toBeUndefined();
  });

  it("reads a lone <testsuite> root and a lone test case", () => {
    const converted = run('<testsuite name="only"><testcase name="a" time="2"/></testsuite>');
    expect(converted.cases).toEqual([{ name: "a", status: "passed", durationMs: 2000 }]);
    expect(converted.passed).toBe(1);
  });

  it("walks suites nested in suites, in document order", () => {
    const xml = `<testsuites>
      <testsuite name="outer"><testcase name="one"/>
        <testsuite name="inner"><testcase name="two"/><testcase name="three"><skipped/></testcase></testsuite>
      </testsuite>
      <testsuite name="next"><testcase name="four"/></testsuite>
    </testsuites>`;
    expect(run(xml).cases.map((c) => c.name)).toEqual(["one", "two", "three", "four"]);
    expect(run(xml)).toMatchObject({ passed: 3, skipped: 1, failed: 0 });
  });

  it("counts a case that failed and was skipped as failed", () => {
    const converted = run(report('<testcase name="a"><skipped/><failure/></testcase>'));
    expect(converted.cases[0]?.status).toBe("failed");
    expect(converted).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
  });

  it("names a case by its class and name, either alone, or (unnamed)", () => {
    const names = run(
      report(
        '<testcase classname="only class"/><testcase name="only name"/><testcase/><testcase classname="" name=""/>',
      ),
    ).cases.map((c) => c.name);
    expect(names).toEqual(["only class", "only name", "(unnamed)", "(unnamed)"]);
  });

  it("turns seconds into milliseconds to the microsecond, and an unusable time into 0", () => {
    const durations = run(
      report(
        ['"0.1234567"', '"0.000001"', '"abc"', '"-1"', '"Infinity"', '""', '"0"']
          .map((time) => `<testcase name="a" time=${time}/>`)
          .join(""),
      ),
    ).cases.map((c) => c.durationMs);
    expect(durations).toEqual([123.457, 0.001, 0, 0, 0, 0, 0]);
  });

  it("counts a report with no test cases as an empty run", () => {
    expect(run("<testsuites><testsuite/></testsuites>")).toMatchObject({
      passed: 0,
      failed: 0,
      skipped: 0,
      cases: [],
    });
  });

  it("leaves entities as they are written instead of expanding them", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>${report(
      '<testcase name="&lol2;"/>',
    )}`;
    expect(run(bomb).cases[0]?.name).toBe("&lol2;");
  });

  it("refuses XML that is not well-formed with 400, quoting the parser's first line", () => {
    const error = refusal("<testsuites><testsuite></testsuites>");
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_xml");
    expect(error.message).toMatch(/^the body is not well-formed XML: .*'testsuite'.*:1:\d+$/);
    expect(refusal("not xml at all").message).toBe(
      "the body is not well-formed XML: char 'n' is not expected.:1:1",
    );
  });

  it("refuses XML without a <testsuites> or <testsuite> element with 400 invalid_junit", () => {
    for (const xml of ["<html><body/></html>", "<testsuites/>", "<testsuites><testcase/></testsuites>"]) {
      const error = refusal(xml);
      expect(error.status, xml).toBe(400);
      expect(error.code, xml).toBe("invalid_junit");
      expect(error.message).toBe("the XML has no <testsuites> or <testsuite> element");
    }
  });
});

describe("when a JUnit run started", () => {
  const startOf = (stamp: string | null, query = QUERY) => {
    const attribute = stamp === null ? "" : ` timestamp="${stamp}"`;
    const { startedAt, startedAtFrom } = run(report('<testcase name="a"/>', attribute), query);
    return { startedAt, startedAtFrom };
  };

  it("is the startedAt query parameter when there is one, whatever the report says", () => {
    const query = new URLSearchParams(QUERY);
    query.set("startedAt", "2026-11-19T09:00:00Z");
    expect(startOf("2026-11-20T10:00:00Z", query)).toEqual({
      startedAt: "2026-11-19T09:00:00Z",
      startedAtFrom: "query",
    });
  });

  it("is the report's timestamp when it has a zone", () => {
    for (const stamp of [
      "2026-11-20T10:00:00Z",
      "2026-11-20T10:00:00z",
      "2026-11-20T10:00:00+02:00",
      "2026-11-20T10:00:00-0500",
    ])
      expect(startOf(stamp), stamp).toEqual({ startedAt: stamp, startedAtFrom: "report" });
    expect(startOf("  2026-11-20T10:00:00Z\n")).toEqual({
      startedAt: "2026-11-20T10:00:00Z",
      startedAtFrom: "report",
    });
  });

  it("takes a timestamp without a zone as UTC, as jest-junit and pytest write them", () => {
    expect(startOf("2026-11-20T10:00:00")).toEqual({
      startedAt: "2026-11-20T10:00:00Z",
      startedAtFrom: "report_as_utc",
    });
    expect(startOf("2026-11-20T10:00:00.123")).toEqual({
      startedAt: "2026-11-20T10:00:00.123Z",
      startedAtFrom: "report_as_utc",
    });
  });

  it("is the time the report was received when its timestamp is missing or unusable", () => {
    const received = { startedAt: "2026-11-21T08:30:00.000Z", startedAtFrom: "received" };
    for (const stamp of [
      null,
      "",
      "   ",
      "yesterday",
      "2026-13-01T10:00:00Z",
      "2026-13-01T10:00:00",
      "2026-11-20 10:00:00",
      "2026-11-20T10:00",
      "x2026-11-20T10:00:00",
      "2026-11-20T10:00:00.",
      "2026-11-20T10:00:00+2",
      "2026-11-20T10:00:00+02:00 later",
    ])
      expect(startOf(stamp), String(stamp)).toEqual(received);
  });

  it("is the first timestamp of the report's suites", () => {
    const xml = `<testsuites><testsuite name="a"><testcase name="x"/></testsuite>
      <testsuite name="b" timestamp="2026-11-20T11:00:00Z"/><testsuite name="c" timestamp="2026-11-20T12:00:00Z"/></testsuites>`;
    expect(run(xml).startedAt).toBe("2026-11-20T11:00:00Z");
  });
});
