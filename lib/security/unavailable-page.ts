/** The page every route answers while the database cannot be reached (no script: it reloads itself). */
export function unavailableHtml(since: Date): string {
  const at = since.toISOString().replace("T", " ").slice(0, 16);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30"><meta name="color-scheme" content="light dark"><title>Data store unreachable · XMTP decentralization</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.25rem">The dashboard's data store is unreachable</h1>
<p>Its database has not answered since ${at} UTC, so no figure can be shown rather than a stale or
made-up one. Probes are held and stored once it answers again; results pushed meanwhile are refused
with 503 for their senders to retry. This page tries again every 30 seconds.</p>
</body></html>`;
}
