import { adminContext } from "@/server/admin/context";
import { postMilestone } from "@/server/admin/roadmap";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request, { params }: { params: Promise<{ key: string }> }) =>
  postMilestone(request, await adminContext(), (await params).key),
);
