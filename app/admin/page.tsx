import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Admin" };

export default function AdminPage() {
  return (
    <ComingSoon
      title="Admin"
      description="Where the XMTP team signs in to update stage and milestone status, post incidents and maintenance windows, and manage ingest tokens and partners."
      needs="wallet sign-in for the addresses in ADMIN_ADDRESSES"
    />
  );
}
