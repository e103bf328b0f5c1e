import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Partners" };

export default function PartnersPage() {
  return (
    <ComingSoon
      title="Partners"
      description="Whether the network is ready for your migration, and whether each partner app is: SDK version, funded gateway, integration tests passing."
      needs="the criteria engine and the partner registry"
    />
  );
}
