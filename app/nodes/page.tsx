import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Nodes" };

export default function NodesPage() {
  return (
    <ComingSoon
      title="Nodes"
      description="Every node of the on-chain registry: operator, region, canonical membership, uptime bars for 24 h to 90 d, latency by probing region, version and replication lag."
      needs="the registry sync and the node prober"
    />
  );
}
