import { adminContext } from "@/server/admin/context";
import { postToken } from "@/server/admin/tokens";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postToken(request, await adminContext()));
