/** The methods the dashboard answers; anything else (TRACE, PUT, …) is a 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;

/**
 * The Content Security Policy of every page: scripts only from this origin or carrying this
 * request's nonce (Next marks its own inline scripts with it), no framing (embeds will opt in per
 * route), no plugins, forms and `<base>` to this origin. Styles allow inline `style=` attributes,
 * which charts set; development adds `'unsafe-eval'` for React's tooling.
 */
export function contentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS tells browsers to use HTTPS only: never for a dashboard served on this machine. */
export function isLocalHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127\./.test(name);
}

/** Whether a path's percent-escapes decode (`%ff` alone is not UTF-8, and frameworks throw on it). */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
