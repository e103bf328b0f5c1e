import { adminContext } from "@/server/admin/context";
import { postStage } from "@/server/admin/roadmap";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request, { params }: { params: Promise<{ n: string }> }) =>
  postStage(request, await adminContext(), (await params).n),
);
