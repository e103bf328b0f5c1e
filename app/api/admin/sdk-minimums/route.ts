import { adminContext } from "@/server/admin/context";
import { postSdkMinimum } from "@/server/admin/partners";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postSdkMinimum(request, await adminContext()));
