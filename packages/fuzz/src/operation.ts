import type { GraphQLInputType } from "graphql";
import type { Random } from "./random";
import { printLiteral, toJson, type Value } from "./values";

/**
 * Collects an operation's arguments: each one inline in the document or hoisted into a variable, so the same
 * hostile value reaches the server through both parsers (the GraphQL lexer and the JSON body).
 */
export class OperationBuilder {
  readonly variables: Record<string, unknown> = {};
  private readonly declarations: string[] = [];

  constructor(
    private readonly rnd: Random,
    /** Chance an argument goes through a variable. */
    private readonly viaVariables: number,
    /** Chance a variable is declared with a type other than the argument's. */
    private readonly misdeclared = 0,
  ) {}

  /** `name: value`, or `name: $vN` with the value in the variables. */
  arg(name: string, type: GraphQLInputType, value: Value): string {
    if (!this.rnd.chance(this.viaVariables)) return `${name}: ${printLiteral(value)}`;
    const variable = `v${this.declarations.length}`;
    const declared = this.rnd.chance(this.misdeclared) ? this.rnd.pick(["String", "Int!", "[ID]", "Boolean", "JSON"]) : String(type);
    this.declarations.push(`$${variable}: ${declared}`);
    this.variables[variable] = toJson(value);
    return `${name}: $${variable}`;
  }

  hasVariables(): boolean {
    return this.declarations.length > 0;
  }

  /** The whole operation around `selection` (the root selection set's contents). */
  document(kind: "query" | "mutation", selection: string, name?: string): string {
    const head = [kind, name, this.declarations.length ? `(${this.declarations.join(", ")})` : ""].filter(Boolean).join(" ");
    return kind === "query" && !name && !this.declarations.length && this.rnd.chance(0.5) ? `{ ${selection} }` : `${head} { ${selection} }`;
  }
}
