import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from "@apollo/federation-internals";
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  GraphQLSchema,
} from "graphql";

/** Whether a directive or type name belongs to a feature the supergraph links (`requiresScopes__Scope`, `@authenticated`). */
function linkedFeature(supergraphSdl: string): (name: string) => boolean {
  const supergraph = Supergraph.build(supergraphSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES });
  const features = (supergraph.schema.coreFeatures?.allFeatures() ?? []).map((f) => f.nameInSchema);
  return (name) => features.some((f) => name === f || name.startsWith(`${f}__`));
}

/**
 * `schema` without the definitions of the features the supergraph links: the security directives the gateway declares
 * (`@authenticated`, `@requiresScopes` and its `requiresScopes__Scope`) are federation's, not ours to describe.
 */
export function withoutLinkedFeatures(schema: GraphQLSchema, supergraphSdl: string): GraphQLSchema {
  const isFeature = linkedFeature(supergraphSdl);
  const config = schema.toConfig();
  const types = config.types.filter((t) => !isFeature(t.name));
  return new GraphQLSchema({ ...config, types, directives: config.directives.filter((d) => !isFeature(d.name)) });
}

export const CATEGORIES = ["types", "fields", "arguments", "input fields", "enum values", "directives"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface DocumentationCoverage {
  /** How many public elements of each category the schema has. */
  total: Record<Category, number>;
  /** Schema coordinates of the elements without a description, by category, e.g. `Query.councils(first:)`. */
  undocumented: Record<Category, string[]>;
}

const described = (text: string | null | undefined) => !!text?.trim();

/** Every public element of `schema` that clients read a description of, and which of them have none. */
export function documentationCoverage(schema: GraphQLSchema): DocumentationCoverage {
  const total = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const undocumented = Object.fromEntries(CATEGORIES.map((c) => [c, [] as string[]])) as Record<Category, string[]>;
  const count = (category: Category, coordinate: string, description: string | null | undefined) => {
    total[category]++;
    if (!described(description)) undocumented[category].push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || isSpecifiedScalarType(type)) continue;
    count("types", type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        count("fields", `${type.name}.${field.name}`, field.description);
        for (const arg of field.args) count("arguments", `${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) count("input fields", `${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) count("enum values", `${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    count("directives", `@${directive.name}`, directive.description);
    for (const arg of directive.args) count("arguments", `@${directive.name}(${arg.name}:)`, arg.description);
  }
  return { total, undocumented };
}

/** One line per category ("fields: 574 of 575 described (99.8 %)"), then every undocumented coordinate. */
export function coverageReport({ total, undocumented }: DocumentationCoverage): string {
  const lines = CATEGORIES.filter((c) => total[c] > 0).map((c) => {
    const done = total[c] - undocumented[c].length;
    return `${c}: ${done} of ${total[c]} described (${((100 * done) / total[c]).toFixed(1)} %)`;
  });
  const missing = CATEGORIES.flatMap((c) => undocumented[c]);
  return [...lines, ...(missing.length ? ["Undocumented:", ...missing.map((m) => `  ${m}`)] : [])].join("\n");
}
