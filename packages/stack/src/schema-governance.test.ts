import { buildSchema } from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Temporal } from "temporal-polyfill";
import { ROOT } from "./artifacts";
import { checkCompatibility, type DeprecationLedger } from "./schema-governance";
import { changelogFile, cutRelease, DEPRECATION_LEDGER, PUBLIC_SCHEMA, RELEASED_SCHEMA, releasedSchemaFile, sdlOf } from "./schema-release";

/** A released schema with one element deprecated under the policy (since 2026-01-05, removal after 2026-04-06). */
const RELEASED = `
  type Query {
    council(slug: String!): Council
    councils(first: Int = 20, kind: Kind): [Council!]!
  }
  type Council {
    name: String!
    legalBasis: String @deprecated(reason: "Use \`legalActs\`. Removal after 2026-04-06.")
    legalActs: [String!]!
    oldRules: Rules @deprecated(reason: "Use \`rules\`. Removal after 2026-04-06.")
    rules: String
    acronym: String
  }
  type Rules { quorum: Int }
  enum Kind { POLICY REGIONAL FORUM @deprecated(reason: "Every forum is a POLICY council now. Removal after 2026-04-06.") }
`;
const LEDGER: DeprecationLedger = { "Council.legalBasis": "2026-01-05", "Council.oldRules": "2026-01-05", "Kind.FORUM": "2026-01-05" };
const AFTER_REMOVAL_DATE = Temporal.PlainDate.from("2026-05-01");

const check = (current: string, { ledger = LEDGER, today = AFTER_REMOVAL_DATE } = {}) =>
  checkCompatibility(buildSchema(RELEASED), buildSchema(current), ledger, today);
const edit = (from: string | RegExp, to: string) => RELEASED.replace(from, to);

describe("the breaking-change check (deprecation policy)", () => {
  it("passes additions: a new field, argument, type and enum value", async () => {
    const added = edit("acronym: String", "acronym: String\n    website: String\n    meetings(first: Int): [String!]")
      .replace("enum Kind { POLICY", "type Territory { name: String! }\n  enum Kind { COMMISSION POLICY");
    const report = await check(added);
    expect(report.violations).toEqual([]);
    expect(report.changes.map((c) => c.type)).toEqual(expect.arrayContaining(["FIELD_ADDED", "TYPE_ADDED", "ENUM_VALUE_ADDED"]));
  });

  it("fails a field removed without deprecation", async () => {
    const { violations } = await check(edit("    acronym: String\n", ""));
    expect(violations).toEqual([expect.stringMatching(/Council\.acronym.*was not deprecated/)]);
  });

  it("fails a field whose type changed, and an argument made required", async () => {
    const { violations } = await check(edit("rules: String", "rules: Int").replace("first: Int = 20", "first: Int!"));
    expect(violations).toHaveLength(2);
    expect(violations.join("\n")).toMatch(/Council\.rules.*changed type/);
    expect(violations.join("\n")).toMatch(/Query\.councils\.first/);
  });

  it("passes removals that follow the policy: a deprecated field, enum value, and a type only they reached", async () => {
    const removed = edit(/\s+legalBasis: .*\n/, "\n").replace(/\s+oldRules: .*\n/, "\n").replace(/\s+type Rules \{ quorum: Int \}/, "").replace(/ FORUM @deprecated\(.*\)/, "");
    const report = await check(removed);
    expect(report.changes.filter((c) => c.criticality.level === "BREAKING").map((c) => c.path).sort()).toEqual(["Council.legalBasis", "Council.oldRules", "Kind.FORUM", "Rules"]);
    expect(report.violations).toEqual([]);
  });

  it("fails a deprecated field removed on or before its removal date", async () => {
    const removed = edit(/\s+legalBasis: .*\n/, "\n");
    const { violations } = await check(removed, { today: Temporal.PlainDate.from("2026-04-06") });
    expect(violations).toEqual([expect.stringMatching(/may be removed after 2026-04-06, not before/)]);
  });

  it("fails a removal whose deprecation was released less than three months before its removal date", async () => {
    const removed = edit(/\s+legalBasis: .*\n/, "\n");
    const { violations } = await check(removed, { ledger: { ...LEDGER, "Council.legalBasis": "2026-02-01" } });
    expect(violations).toEqual([expect.stringMatching(/deprecated on 2026-02-01: its removal date 2026-04-06 is less than 3 months later/)]);
  });

  it("fails a deprecation without the policy's removal notice", async () => {
    const { violations } = await check(edit("acronym: String", 'acronym: String @deprecated(reason: "Use name.")'));
    expect(violations).toEqual([expect.stringMatching(/Council\.acronym is deprecated without a removal date/)]);
  });
});

describe("a release", () => {
  const released = releasedSchemaFile(RELEASED, "2026-01-05");

  it("dates the changelog, moves current to released, and enters new deprecations in the ledger", async () => {
    const current = edit("acronym: String", 'acronym: String @deprecated(reason: "Use `name`. Removal after 2026-09-01.")\n    website: String');
    const changelog = await changelogFile({ released, current, changelog: null });
    expect(changelog).toMatch(/## Unreleased \(since the release of 2026-01-05\)[\s\S]*### Safe[\s\S]*Field 'website' was added/);
    const release = await cutRelease({ released, current, changelog, ledger: LEDGER, today: "2026-05-01" });
    expect(sdlOf(release.released)).toBe(current);
    expect(release.released).toMatch(/Released on 2026-05-01\./);
    expect(release.ledger["Council.acronym"]).toBe("2026-05-01");
    expect(release.changelog).toMatch(/## Unreleased[\s\S]*No change to the public schema\.[\s\S]*## 2026-05-01[\s\S]*Field 'website' was added/);
  });

  it("is refused when a new deprecation announces its removal less than three months ahead", async () => {
    const current = edit("acronym: String", 'acronym: String @deprecated(reason: "Use `name`. Removal after 2026-06-01.")');
    await expect(cutRelease({ released, current, changelog: null, ledger: LEDGER, today: "2026-05-01" })).rejects.toThrow(/2026-08-01 or later/);
  });
});

it("the committed public schema follows the policy against the released one", async () => {
  const read = (path: string) => readFile(join(ROOT, path), "utf8");
  const report = await checkCompatibility(
    buildSchema(sdlOf(await read(RELEASED_SCHEMA))),
    buildSchema(sdlOf(await read(PUBLIC_SCHEMA))),
    JSON.parse(await read(DEPRECATION_LEDGER)),
    Temporal.PlainDate.from("2026-11-29"),
  );
  expect(report.violations).toEqual([]);
});
