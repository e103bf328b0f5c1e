import ReactMarkdown from "react-markdown";

/**
 * The team's markdown, inert: raw HTML is dropped (a `<script>` is not rendered), and a link or
 * image whose URL is not http(s), mailto or relative (`javascript:` …) loses its URL.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown flex flex-col gap-2 break-words text-sm">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children: text }) => (
            <a
              href={href}
              rel="nofollow noopener noreferrer"
              className="text-accent underline underline-offset-2"
            >
              {text}
            </a>
          ),
          img: ({ alt }) => <span>{alt ? `[image: ${alt}]` : "[image]"}</span>,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
