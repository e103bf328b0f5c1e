import { adminContext } from "@/server/admin/context";
import { postPartnerUpdate } from "@/server/admin/partners";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  postPartnerUpdate(request, await adminContext(), (await params).slug),
);
