import { composeSupergraph } from "@contagem/gateway";
import { buildFederatedSchema } from "@contagem/schema";
import { DirectiveLocation, GraphQLDirective, GraphQLString } from "graphql";
import { Directive, Query, Resolver } from "type-graphql";

/**
 * Federation's `@composeDirective` through our builder: a custom directive a subgraph declares with its specification's
 * URL reaches the supergraph (definition and uses), where composition would otherwise drop it; and two subgraphs that
 * import it under the same version compose.
 */
const audience = new GraphQLDirective({
  name: "audience",
  description: "Who a field is written for.",
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { level: { type: GraphQLString, description: "The audience's name." } },
});
const SPEC = "https://specs.example.org/audience/v1.0";

@Resolver()
class GreetingResolver {
  @Query(() => String, { description: "A greeting." })
  @Directive('@audience(level: "public")')
  greeting(): string {
    return "olá";
  }
}

const build = (compose: boolean) =>
  buildFederatedSchema({ resolvers: [GreetingResolver], directives: [audience] }, {}, { subgraph: "councils" }, compose ? [{ url: SPEC, name: "@audience" }] : []);

const other = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable", "@composeDirective"])
  @link(url: "${SPEC}", import: ["@audience"]) @composeDirective(name: "@audience")
directive @audience(level: String) on FIELD_DEFINITION
type Query { farewell: String @audience(level: "staff") }
`;

describe("@composeDirective", () => {
  it("keeps a composed custom directive in the supergraph, its definition and its uses", async () => {
    const { sdl } = await build(true);
    expect(sdl).toContain(`@link(url: "${SPEC}", import: ["@audience"]) @composeDirective(name: "@audience")`);
    const supergraph = composeSupergraph([
      { name: "councils", url: "http://127.0.0.1:1/graphql", sdl },
      { name: "meetings", url: "http://127.0.0.1:2/graphql", sdl: other },
    ]);
    expect(supergraph).toMatch(/directive @audience\(level: String\) on FIELD_DEFINITION/);
    expect(supergraph).toMatch(/greeting: String! .*@audience\(level: "public"\)/);
    expect(supergraph).toMatch(/farewell: String .*@audience\(level: "staff"\)/);
    expect(supergraph).toContain(`@link(url: "${SPEC}", import: ["@audience"])`);
  });

  it("drops the directive from the supergraph when it is not composed", async () => {
    const { sdl } = await build(false);
    expect(sdl).toContain('@audience(level: "public")');
    const supergraph = composeSupergraph([{ name: "councils", url: "http://127.0.0.1:1/graphql", sdl }]);
    expect(supergraph).not.toContain("@audience");
  });

  it("refuses a name without its @", () => {
    return expect(buildFederatedSchema({ resolvers: [GreetingResolver], directives: [audience] }, {}, { subgraph: "councils" }, [{ url: SPEC, name: "audience" }])).rejects.toThrow(/starts with @/);
  });
});
