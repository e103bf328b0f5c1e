import { adminContext } from "@/server/admin/context";
import { postCriterion } from "@/server/admin/criteria";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request, { params }: { params: Promise<{ key: string }> }) =>
  postCriterion(request, await adminContext(), (await params).key),
);
