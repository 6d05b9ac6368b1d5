import { createGateway, DEFAULT_QUERY, publicSchema } from "@contagem/gateway";
import { createLogger } from "@contagem/schema";
import { gql } from "@contagem/testkit";
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isObjectType,
  lexicographicSortSchema,
  NoDeprecatedCustomRule,
  parse,
  printSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
  specifiedRules,
  validate,
} from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { ROOT } from "./artifacts";
import { CATEGORIES, coverageReport, documentationCoverage, withoutLinkedFeatures } from "./documentation";

/**
 * The public schema documents itself: every type, field, argument, input field, enum value (and directive) that a
 * client can see carries a description. Generated from the committed supergraph (which artifacts.test.ts keeps equal
 * to the code), so a new field without one fails here, by its coordinate.
 */
let supergraph: string;
beforeAll(async () => {
  supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
});

/** The published client-facing schema (gateway/src/public-schema.ts), federation's security directives left out. */
const clientSchema = (sdl: string) => withoutLinkedFeatures(publicSchema(sdl), sdl);

const missing = (s: GraphQLSchema) => {
  const coverage = documentationCoverage(s);
  return { list: CATEGORIES.flatMap((c) => coverage.undocumented[c]), report: coverageReport(coverage) };
};

describe("the client-facing schema's descriptions", () => {
  it("cover 100 % of its types, fields, arguments, input fields and enum values", () => {
    const schema = clientSchema(supergraph);
    const { list, report } = missing(schema);
    if (list.length) throw new Error(`${list.length} public elements have no description:\n${report}`);
    // Not vacuous: the schema checked is the whole public graph, federation machinery left out.
    expect(schema.getQueryType()?.getFields()).toHaveProperty("councils");
    expect(Object.keys(schema.getTypeMap()).filter((name) => /^(join|link)__/.test(name))).toEqual([]);
  });

  it("name each element that loses its description, and give the coverage per category", () => {
    const schema = clientSchema(supergraph);
    const council = schema.getType("Council");
    const kind = schema.getType("CouncilKind");
    if (!isObjectType(council) || !isEnumType(kind)) throw new Error("Council or CouncilKind is missing");
    council.getFields().name.description = undefined;
    schema.getQueryType()!.getFields().councils.args.find((a) => a.name === "first")!.description = " ";
    kind.getValue("POLICY")!.description = null;
    getNamedType(council.getFields().rules.type).description = "";
    const { list, report } = missing(schema);
    expect(list).toEqual(["CouncilRules", "Council.name", "Query.councils(first:)", "CouncilKind.POLICY"]);
    const { total } = documentationCoverage(schema);
    const line = (category: string, n: number) => `${category}: ${n - 1} of ${n} described (${((100 * (n - 1)) / n).toFixed(1)} %)`;
    expect(report.split("\n")).toEqual(expect.arrayContaining([line("types", total.types), line("fields", total.fields), line("enum values", total["enum values"])]));
    expect(report).toMatch(/^input fields: (\d+) of \1 described \(100\.0 %\)$/m);
    expect(report).toContain("Undocumented:\n  CouncilRules\n  Council.name\n  Query.councils(first:)\n  CouncilKind.POLICY");
  });

  it("are those of the schema the gateway serves: its introspection is the client schema checked here", async () => {
    const gateway = createGateway({
      supergraph,
      // Introspection is answered by the gateway alone: no subgraph is asked.
      subgraphUrls: { councils: "http://127.0.0.1:9/graphql", meetings: "http://127.0.0.1:9/graphql", participation: "http://127.0.0.1:9/graphql" },
      logger: createLogger("gateway", "error", new Writable({ write: (_chunk, _enc, done) => done() })),
    });
    const listening = await gateway.listen(0);
    try {
      const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });
      const { data } = await gql<IntrospectionQuery>(`http://127.0.0.1:${listening.port}/graphql`, query);
      const served = buildClientSchema(data!);
      const print = (s: GraphQLSchema) => printSchema(lexicographicSortSchema(s));
      expect(print(withoutLinkedFeatures(served, supergraph))).toEqual(print(clientSchema(supergraph)));
    } finally {
      await gateway.stop();
    }
  });
});

describe("the examples developers copy", () => {
  it("the README's GraphQL examples and the IDE's default query fit the schema and use no deprecated name", async () => {
    const schema = clientSchema(supergraph);
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThan(0);
    for (const document of [...examples, DEFAULT_QUERY]) {
      const errors = validate(schema, parse(document), [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message);
      expect({ document, errors }).toEqual({ document, errors: [] });
    }
  });
});

