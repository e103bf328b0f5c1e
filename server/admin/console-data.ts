import type { Db } from "@/db/client";
import { sessionAddress } from "@/db/mutations/admin-auth";
import { getAllMilestones, getStages } from "@/db/queries/roadmap";

/** Who is signed in (from the session cookie), and, for them, what the console edits. */
export async function consoleData(db: Db, cookie: string | undefined, now: Date) {
  const address = cookie ? await sessionAddress(db, cookie, now) : null;
  if (!address) return { address: null, stages: [], milestones: [] };
  const [stages, milestones] = await Promise.all([getStages(db), getAllMilestones(db)]);
  return { address, stages, milestones };
}
