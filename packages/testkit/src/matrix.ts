import type { Role } from "@contagem/schema";
import { codesOf, gql } from "./client";
import { mintToken } from "./auth";
import { introspect } from "./crawler";

/** The actors of the authorization matrix: council A is the target of every row, council B another one. */
export type Actor = "anonymous" | "CITIZEN" | "SECRETARY_A" | "SECRETARY_B" | "STAFF" | "ADMIN";
export const ACTORS: Actor[] = ["anonymous", "CITIZEN", "SECRETARY_A", "SECRETARY_B", "STAFF", "ADMIN"];
/** NOT_FOUND: the record is hidden from the actor, who is answered exactly as for an id that does not exist. */
export type Outcome = "ok" | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND";

export interface MatrixRow {
  /** The mutation (or protected query) under test. */
  operation: string;
  document: string;
  /** Variables for one cell, against a record of council A (called once per cell). */
  variables: () => Promise<Record<string, unknown>>;
  /** Called after a cell succeeded: the record it used has changed, so the next cell needs a fresh one. */
  consumed?: () => void;
  expected: Record<Actor, Outcome>;
}

/**
 * Variables prepared once and reused by the cells that are refused (they change nothing), renewed after a cell
 * that succeeded.
 */
export function freshUntilUsed(prepare: () => Promise<Record<string, unknown>>): Pick<MatrixRow, "variables" | "consumed"> {
  let current: Promise<Record<string, unknown>> | undefined;
  return {
    variables: () => (current ??= prepare()),
    consumed: () => {
      current = undefined;
    },
  };
}

export interface Councils {
  a: { id: string; slug: string };
  b: { id: string; slug: string };
}

/** A SECRETARY's claim may name councils by slug or by id: A by slug, B by id, so both forms are exercised. */
export async function actorToken(actor: Actor, councils: Councils): Promise<string | undefined> {
  const sub = `matrix-${actor.toLowerCase()}`;
  const token = (roles: Role[], claim: string[] = []) => mintToken({ sub, roles, councils: claim });
  switch (actor) {
    case "anonymous":
      return undefined;
    case "SECRETARY_A":
      return token(["SECRETARY"], [councils.a.slug]);
    case "SECRETARY_B":
      return token(["SECRETARY"], [councils.b.id]);
    default:
      return token([actor]);
  }
}

/** Runs every cell; returns the observed outcome per cell, to compare with the expected matrix in one assertion. */
export async function runMatrix(url: string, rows: MatrixRow[], councils: Councils) {
  const observed: Record<string, Record<Actor, string>> = {};
  const expected: Record<string, Record<Actor, string>> = {};
  for (const row of rows) {
    observed[row.operation] = {} as Record<Actor, string>;
    expected[row.operation] = row.expected;
    for (const actor of ACTORS) {
      const res = await gql(url, row.document, await row.variables(), { token: await actorToken(actor, councils) });
      const codes = codesOf(res);
      observed[row.operation][actor] = codes.length === 0 ? "ok" : codes.join(",");
      if (codes.length === 0) row.consumed?.();
    }
  }
  return { observed, expected };
}

/** Mutations of the subgraph at `url` that no row's operation names (a row may add words after the name): none, please. */
export async function uncoveredMutations(url: string, operations: string[]): Promise<string[]> {
  const named = new Set(operations.map((operation) => operation.split(" ")[0]));
  return Object.keys((await introspect(url)).getMutationType()?.getFields() ?? {}).filter((name) => !named.has(name));
}
