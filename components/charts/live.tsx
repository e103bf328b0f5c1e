"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";

/** Live figures on a chart page: one query client per page, only where charts are. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export const REFRESH_MS = 30_000;

/**
 * The server's first data, refreshed from `url` every 30 s while the tab is visible (react-query
 * pauses the interval in a background tab). A failed refresh keeps the last figures and says so.
 */
export function useLiveData<T>(url: string, initialData: T, asOf: string) {
  const query = useQuery<T>({
    queryKey: [url],
    queryFn: async ({ signal }) => {
      const response = await fetch(url, { signal, headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as T;
    },
    initialData,
    initialDataUpdatedAt: Date.parse(asOf),
    refetchInterval: REFRESH_MS,
    staleTime: REFRESH_MS,
  });
  return { data: query.data ?? initialData, updatedAt: query.dataUpdatedAt, failed: query.isError };
}

/** "updated 12 s ago", ticking; the same text on the server and at hydration. */
export function UpdatedAgo({ updatedAt, failed }: { updatedAt: number; failed: boolean }) {
  const [now, setNow] = useState(updatedAt);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  const ago = seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
  return (
    <p className="text-ink-muted text-xs" data-testid="updated-ago">
      Live: updated {ago} ago, refreshed every {REFRESH_MS / 1000} s
      {/* Only the failure is announced: a ticking clock read out every 5 s would drown the page. */}
      <span role="status" className="text-status-down">
        {failed ? " · the last refresh failed; showing the figures before it" : ""}
      </span>
    </p>
  );
}
