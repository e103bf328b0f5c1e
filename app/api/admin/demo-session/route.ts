import { adminContext } from "@/server/admin/context";
import { postDemoSession } from "@/server/admin/demo-sign-in";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postDemoSession(request, await adminContext()));
