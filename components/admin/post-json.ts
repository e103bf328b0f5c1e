/** POSTs JSON to the dashboard; a refusal throws with the server's message (and its field issues). */
export async function postJson<T = unknown>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = data?.error;
    const issues = Array.isArray(error?.issues)
      ? `: ${error.issues.map((issue: { path: string; message: string }) => `${issue.path} ${issue.message}`).join("; ")}`
      : "";
    throw new Error(`${error?.message ?? `the server answered ${response.status}`}${issues}`);
  }
  return data as T;
}
