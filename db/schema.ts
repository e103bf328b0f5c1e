export * from "./tables/auth";
export * from "./tables/health";
export * from "./tables/networks";
export * from "./tables/operations";
export * from "./tables/partners";
export * from "./tables/registry";
export * from "./tables/results";
export * from "./tables/roadmap";
