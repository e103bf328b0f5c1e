import { adminContext } from "@/server/admin/context";
import { postTokenRevoke } from "@/server/admin/tokens";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postTokenRevoke(request, await adminContext()));
