import { adminContext } from "@/server/admin/context";
import { postOperationMapping } from "@/server/admin/operation-map";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postOperationMapping(request, await adminContext()));
