import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

const html = (text: string) => renderToStaticMarkup(<Markdown>{text}</Markdown>);

describe("the team's markdown", () => {
  it("renders formatting and http links", () => {
    const out = html("Disk **replaced**, see [the log](https://example.org/log).");
    expect(out).toContain("<strong>replaced</strong>");
    expect(out).toContain('<a href="https://example.org/log" rel="nofollow noopener noreferrer"');
  });

  it("renders script tags, raw HTML and javascript: links inert", () => {
    const out = html(
      'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) ![x](javascript:alert(4))',
    );
    expect(out).not.toMatch(/<script|onerror|javascript:|<img/i);
    expect(out).toContain(">click</a>");
    expect(out).toContain("[image: x]");
  });
});
