import { adminContext } from "@/server/admin/context";
import { postSession } from "@/server/admin/sign-in";
import { guarded } from "@/server/api/guard";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => postSession(request, await adminContext()));
