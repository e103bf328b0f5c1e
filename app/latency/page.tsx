import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Latency" };

export default function LatencyPage() {
  return (
    <ComingSoon
      title="Latency"
      description="Each of the seven operations against its p95 target and the V3 figure, with p50, p95 and p99 over time and the sample count beside every percentile."
      needs="benchmark results pushed by the QA runners"
    />
  );
}
