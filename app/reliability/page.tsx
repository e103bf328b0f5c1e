import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Reliability" };

export default function ReliabilityPage() {
  return (
    <ComingSoon
      title="Reliability"
      description="Node availability against 99.99%, the group fork rate in testing, and integration-test pass rates per SDK over the last five runs."
      needs="the prober's uptime rollups and pushed fork-check and integration-test results"
    />
  );
}
