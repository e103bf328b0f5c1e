import semver from "semver";

/** "v2.1.0" → "2.1.0"; null for text that is not a version (a partner's run must report a real one). */
export function cleanVersion(text: string): string | null {
  return semver.clean(text, { loose: false });
}

/**
 * Whether a reported version is at least the minimum: full semver order, so a pre-release of the
 * minimum (2.0.0-rc.1) is below it and a pre-release of a later version (2.1.0-beta.1) above it.
 */
export function meetsMinimum(version: string, minimum: string): boolean {
  const reported = cleanVersion(version);
  const least = cleanVersion(minimum);
  if (!reported || !least) return false;
  return semver.gte(reported, least);
}
