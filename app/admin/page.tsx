import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NodeFactsEditor } from "@/components/admin/node-facts-editor";
import { OperationsEditor } from "@/components/admin/operations-editor";
import { PartnersEditor } from "@/components/admin/partners-editor";
import { RoadmapEditor } from "@/components/admin/roadmap-editor";
import { RulesEditor } from "@/components/admin/rules-editor";
import { SignIn, SignOut } from "@/components/admin/sign-in";
import { TokensEditor } from "@/components/admin/tokens-editor";
import { getAppDb } from "@/db/app";
import { getEnv } from "@/lib/env";
import { consoleData } from "@/server/admin/console-data";
import { SESSION_COOKIE } from "@/server/admin/http";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const env = getEnv();
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  const data = await consoleData(await getAppDb(), cookie, new Date());
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="font-semibold text-2xl">Team console</h1>
        <p className="mt-1 max-w-3xl text-ink-muted">
          Where the XMTP team updates each stage's declared status and each milestone's, posts incidents and
          maintenance, and sets how each target is judged. Every change is signed in with an Ethereum address
          of the team and shown, with that address, on the{" "}
          <a href="/changelog" className="text-accent underline underline-offset-2">
            changelog
          </a>
          . Measured figures cannot be edited here: they come from the data.
        </p>
      </div>
      {data.address ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line bg-surface p-4">
            <p className="text-sm">
              Signed in as{" "}
              <code className="break-all" data-testid="signed-in-as">
                {data.address}
              </code>
            </p>
            <SignOut />
          </div>
          <OperationsEditor networks={data.networks} incidents={data.incidents} />
          <RoadmapEditor stages={data.stages} milestones={data.milestones} />
          <RulesEditor criteria={data.criteria} operationMap={data.operationMap} />
          <NodeFactsEditor nodes={data.nodes} />
          <PartnersEditor partners={data.partners} minimums={data.sdkMinimums} networks={data.networks} />
          <TokensEditor tokens={data.tokens.filter((token) => !token.scopes.includes("partner_runs"))} />
        </>
      ) : (
        <section
          className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4"
          aria-label="Sign in"
        >
          {env.ADMIN_ADDRESSES.length === 0 && !env.DEMO_MODE ? (
            <p className="text-sm text-status-degraded">
              No team address is set (ADMIN_ADDRESSES is empty): nobody can sign in until one is.
            </p>
          ) : (
            <p className="text-sm">
              Sign a message with your wallet to prove you hold one of the team's addresses. It costs nothing
              and sends no transaction.
              {env.DEMO_MODE ? " This is the demo: you can also sign in as its simulated team member." : ""}
            </p>
          )}
          <SignIn demo={env.DEMO_MODE} />
        </section>
      )}
    </div>
  );
}
