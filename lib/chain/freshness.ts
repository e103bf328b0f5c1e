/** The worker reads each registry every minute: three missed passes mean the shown state may be out of date. */
export const REGISTRY_STALE_AFTER_MS = 3 * 60_000;

export function isRegistryStale(syncedAt: Date, now: Date): boolean {
  return now.getTime() - syncedAt.getTime() > REGISTRY_STALE_AFTER_MS;
}
