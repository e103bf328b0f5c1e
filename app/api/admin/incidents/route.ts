import { adminContext } from "@/server/admin/context";
import { postIncident } from "@/server/admin/operations";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postIncident(request, await adminContext()));
