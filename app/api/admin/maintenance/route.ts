import { adminContext } from "@/server/admin/context";
import { postMaintenance } from "@/server/admin/operations";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postMaintenance(request, await adminContext()));
