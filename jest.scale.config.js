// `npm run test:scale`: the scale-out test (packages/stack/src/scale.scale.test.ts), which `npm test` does not run: it starts
// the built services as processes behind HAProxy, on the machine's PostgreSQL and Redis (OPERATIONS.md, "Scale-out
// proven here").
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/src/**/*.scale.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  // Its own database on the machine's server: no embedded one to set up.
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 120_000,
};
