/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No module may take part in an import cycle.",
      severity: "error",
      from: { pathNot: "^(tests|node_modules)/" },
      to: { circular: true },
    },
    {
      name: "lib-is-the-domain",
      comment:
        "lib/ is the bottom layer and imports nothing from db/, server/, app/, components/ or scripts/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(db|server|app|components|scripts)/" },
    },
    {
      name: "lib-is-framework-free",
      comment:
        "lib/ does not import next, react, react-dom, drizzle-orm, pg, @electric-sql/pglite or server-only.",
      severity: "error",
      from: { path: "^lib/" },
      to: {
        path: "^node_modules/(@types/)?(next|react|react-dom|drizzle-orm|pg|@electric-sql/pglite|server-only)/",
      },
    },
    {
      name: "db-only-uses-lib",
      comment: "db/ imports only from lib/, never from server/, app/, components/ or scripts/.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(server|app|components|scripts)/" },
    },
    {
      name: "server-below-routes",
      comment: "server/ imports nothing from app/, components/ or scripts/.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^(app|components|scripts)/" },
    },
    {
      name: "routes-write-through-server",
      comment: "app/ reads through db/queries and writes through server/, never db/mutations or the tables.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^db/(mutations|tables|schema)" },
    },
    {
      name: "components-only-use-lib",
      comment: "components/ imports only from lib/, never from app/, db/, server/ or scripts/.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(app|db|server|scripts)/" },
    },
    {
      name: "scripts-not-app",
      comment: "scripts/ imports nothing from app/ or components/.",
      severity: "error",
      from: { path: "^scripts/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "instrumentation-below-routes",
      comment:
        "instrumentation.ts and proxy.ts import only from server/, db/ and lib/, never from app/, components/ or scripts/.",
      severity: "error",
      from: { path: "^(instrumentation|proxy)\\.ts$" },
      to: { path: "^(app|components|scripts)/" },
    },
    {
      name: "simulation-only-uses-lib",
      comment:
        "simulation/ (the local chain and simulated nodes the demo and tests run) imports only from lib/.",
      severity: "error",
      from: { path: "^simulation/" },
      to: { path: "^(app|components|db|server|scripts)/" },
    },
    {
      name: "only-scripts-run-the-simulation",
      comment: "The product (app/, components/, server/, db/, lib/) never imports the simulated world.",
      severity: "error",
      from: { path: "^(app|components|server|db|lib)/" },
      to: { path: "^simulation/" },
    },
    {
      name: "no-unresolvable",
      comment: "Every import must resolve to a file on disk, a package in node_modules or a node built-in.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: {
      path: "^(tests|\\.next|\\.data|db/migrations|public|screenshots|test-results|playwright-report|reports|\\.stryker-tmp[^/]*)/",
    },
    includeOnly: {
      path: [
        "^(app|components|db|lib|scripts|server|simulation)/",
        "^instrumentation\\.ts$",
        "^proxy\\.ts$",
        "^node_modules/",
        "^(@[^/]*|\\.{1,2})/",
        "^[^/.]+$",
      ],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
