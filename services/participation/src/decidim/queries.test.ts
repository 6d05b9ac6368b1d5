import { decidimLimitErrors, decidimSchema, DECIDIM_RELEASE } from "@contagem/decidim-standin";
import {
  getNamedType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
} from "graphql";
import { DECIDIM_QUERIES } from "./queries";

/** Errors of a document against the transcribed Decidim SDL. */
function decidimQueryErrors(schema: GraphQLSchema, source: string): string[] {
  return validate(schema, parse(source)).map((e) => e.message);
}

const PAGE_SIZE = 50;

describe(`Decidim client queries against the transcribed Decidim ${DECIDIM_RELEASE} SDL`, () => {
  const schema = decidimSchema();

  it.each(Object.entries(DECIDIM_QUERIES))("%s is valid", (name, source) => {
    expect(decidimQueryErrors(schema, source)).toEqual([]);
    const op = parse(source).definitions.find((d) => d.kind === "OperationDefinition");
    expect(op && "name" in op ? op.name?.value : null).toBe(name);
  });

  it.each(Object.entries(DECIDIM_QUERIES))("%s stays within Decidim's depth and complexity limits at 50 a page", (_name, source) => {
    const variables = { id: "1", first: PAGE_SIZE, after: null, locale: "pt-BR" };
    expect(decidimLimitErrors(schema, parse(source), variables)).toEqual([]);
  });

  it("fails on a misspelled field, a wrong argument or a field on the wrong type", () => {
    const proposals = DECIDIM_QUERIES.DecidimProposals;
    expect(decidimQueryErrors(schema, proposals.replace("voteCount", "votesCount"))).toEqual([
      expect.stringContaining('Cannot query field "votesCount" on type "Proposal"'),
    ]);
    expect(decidimQueryErrors(schema, DECIDIM_QUERIES.DecidimBudgets.replace("budget_amount", "budgetAmount"))).not.toEqual([]);
    expect(decidimQueryErrors(schema, proposals.replace("first: $first", "limit: $first"))).not.toEqual([]);
    expect(decidimQueryErrors(schema, proposals.replace("... on Proposals", "... on Meetings"))).not.toEqual([]);
  });

  /** Selections of `name`/`nickname` on a person type (the Author interface or a type implementing it, but UserGroup). */
  function personalFields(source: string): string[] {
    const found: string[] = [];
    const info = new TypeInfo(schema);
    visit(
      parse(source),
      visitWithTypeInfo(info, {
        Field(node) {
          const parent = info.getParentType();
          if (!parent || !["name", "nickname"].includes(node.name.value)) return;
          const named = getNamedType(parent);
          const personType =
            named instanceof GraphQLInterfaceType
              ? named.name === "Author"
              : named instanceof GraphQLObjectType && named.getInterfaces().some((i) => i.name === "Author");
          if (personType && named.name !== "UserGroup") found.push(`${named.name}.${node.name.value}`);
        },
      }),
    );
    return found;
  }

  it("never selects a person's name or nickname (only a user group's name)", () => {
    for (const source of Object.values(DECIDIM_QUERIES)) expect(personalFields(source)).toEqual([]);
    // The check notices a person's name or nickname when one is asked for.
    const proposals = DECIDIM_QUERIES.DecidimProposals;
    expect(personalFields(proposals.replace("author { __typename", "author { __typename name"))).toEqual(["Author.name"]);
    expect(personalFields(proposals.replaceAll("... on UserGroup { name badge }", "... on User { nickname }"))).toEqual([
      "User.nickname",
      "User.nickname",
    ]);
  });
});
