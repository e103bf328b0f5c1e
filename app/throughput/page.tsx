import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Throughput" };

export default function ThroughputPage() {
  return (
    <ComingSoon
      title="Throughput"
      description="The best off-chain and on-chain bursts and sustained daily volume against 1,000 msg/s, 50 msg/s and 10 million messages a day with 3 nodes."
      needs="load-test results pushed over the ingest API"
    />
  );
}
