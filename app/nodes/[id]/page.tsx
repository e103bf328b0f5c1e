import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Node" };

export default function NodePage() {
  return (
    <ComingSoon
      title="Node"
      description="One node's registry identity and history, uptime by day, latency by region, version changes and replication lag."
      needs="the registry sync and the node prober"
    />
  );
}
