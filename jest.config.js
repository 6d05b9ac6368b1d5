// One jest run for the whole monorepo. Workspace packages resolve to their TypeScript sources, so tests need no
// build; swc compiles with the decorator metadata type-graphql and MikroORM read.
const { readFileSync } = require("node:fs");
const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, "utf8"));
delete swcrc.$schema;

const workspaces = {
  common: "packages/common",
  schema: "packages/schema",
  record: "packages/record",
  rules: "packages/rules",
  testkit: "packages/testkit",
  "decidim-standin": "packages/decidim-standin",
  stack: "packages/stack",
  fuzz: "packages/fuzz",
  councils: "services/councils",
  meetings: "services/meetings",
  participation: "services/participation",
  gateway: "gateway",
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/packages", "<rootDir>/services", "<rootDir>/gateway"],
  testMatch: ["**/src/**/*.test.ts"],
  // The scale-out test runs on its own (`npm run test:scale`, jest.scale.config.js).
  testPathIgnorePatterns: ["/node_modules/", "\\.scale\\.test\\.ts$"],
  transform: { "^.+\\.ts$": ["@swc/jest", { ...swcrc, swcrc: false, sourceMaps: "inline" }] },
  moduleNameMapper: Object.fromEntries(
    Object.entries(workspaces).map(([name, dir]) => [`^@contagem/${name}$`, `<rootDir>/${dir}/src/index.ts`]),
  ),
  setupFiles: ["reflect-metadata"],
  globalSetup: "<rootDir>/packages/testkit/src/global-setup.ts",
  globalTeardown: "<rootDir>/packages/testkit/src/global-teardown.ts",
  testTimeout: 60_000,
  // Test files run one at a time (2 cores) in a worker that is replaced once it holds more than 2 GB after a file:
  // run in band, the ~100 files' leftovers (each starts servers, ORMs, engines) filled one process's heap until V8
  // aborted ("heap out of memory") near the end of a CI run. Jest uses a worker, not the main process, when this is set.
  workerIdleMemoryLimit: "2GB",
  modulePathIgnorePatterns: ["<rootDir>/.*/dist/"],
};
