import { adminContext } from "@/server/admin/context";
import { postNodeFacts } from "@/server/admin/nodes";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(
  async (request: Request, { params }: { params: Promise<{ network: string; id: string }> }) => {
    const { network, id } = await params;
    return postNodeFacts(request, await adminContext(), network, id);
  },
);
