import { adminContext } from "@/server/admin/context";
import { postIncidentUpdate } from "@/server/admin/operations";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  postIncidentUpdate(request, await adminContext(), (await params).id),
);
