export const NAV_LINKS = [
  { href: "/", label: "Overview" },
  { href: "/stages", label: "Stages" },
  { href: "/nodes", label: "Nodes" },
  { href: "/latency", label: "Latency" },
  { href: "/reliability", label: "Reliability" },
  { href: "/throughput", label: "Throughput" },
  { href: "/partners", label: "Partners" },
  { href: "/changelog", label: "Changelog" },
  { href: "/methodology", label: "Methodology" },
  { href: "/admin", label: "Admin" },
] as const;
