import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Changelog" };

export default function ChangelogPage() {
  return (
    <ComingSoon
      title="Changelog"
      description="Every change the team makes (stage and milestone status, incidents, maintenance, node metadata), with an RSS feed."
      needs="team sign-in and the audit log"
    />
  );
}
