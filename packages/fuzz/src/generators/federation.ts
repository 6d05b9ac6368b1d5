import { isObjectType, type GraphQLObjectType } from "graphql";
import { HOSTILE_IDS, REAL } from "../corpus";
import { OperationBuilder } from "../operation";
import { jsonPost, type Draft } from "../request";
import { selectionOf } from "../selection";
import type { GenContext } from "./context";

type Representation = Record<string, unknown>;

/**
 * Federation's entry points reached directly, as anyone who can reach a subgraph's port can: `_entities` with
 * representations a gateway would never send, and `_service`.
 */
/** Types that hold personal or staff-only data: never an entity a caller may ask a subgraph for by key. */
export const PRIVATE_TYPES = ["Participant", "PersonalData", "MyParticipation", "MyBallot", "MyContribution", "MyProposal", "MySupport", "MyPresence", "AuditEntry", "Ballot"];

/** A representation: what it is, the value, and why nothing may come back for it (when nothing may). */
function representation(ctx: GenContext): [string, Representation | unknown, string?] {
  const { rnd, target } = ctx;
  const entities = Object.keys(target.entities);
  const entity = rnd.pick(entities);
  const keys = rnd.pick(target.entities[entity]);
  const real = (field: string) => (field === "slug" ? rnd.pick(REAL.councilSlugs) : rnd.pick(REAL.ids));
  const valid = () => Object.fromEntries([["__typename", entity], ...keys.map((k) => [k, real(k)])]);
  const nonEntities = Object.values(target.schema.getTypeMap())
    .filter((t) => !t.name.startsWith("__") && !(t.name in target.entities))
    .map((t) => t.name);
  const privateTypes = [...new Set([...PRIVATE_TYPES, ...nonEntities.filter((n) => /^(My|Personal|Audit)/.test(n))])];
  const variants: [string, () => unknown, string?][] = [
    [`valid ${entity}`, valid],
    ["unknown __typename", () => ({ __typename: rnd.pick(["Nope", "council", "", "__Schema", "\u0000"]), id: "1" }), "an unknown __typename"],
    ["non-entity __typename", () => ({ __typename: rnd.pick(["PageInfo", "Query", "Mutation", "_Service", ...nonEntities]), id: "1" }), "a type that is not an entity"],
    ["private type", () => ({ __typename: rnd.pick(privateTypes), id: rnd.pick(["1", "2"]), sub: "fuzz-citizen-1" }), "a private type"],
    [`${entity} without key fields`, () => ({ __typename: entity })],
    [`${entity} with a wrong key type`, () => ({ __typename: entity, [keys[0]]: rnd.pick([{}, [1], 1e21, true, null, { $ne: null }, -1]) })],
    [`${entity} with a hostile key`, () => ({ __typename: entity, [keys[0]]: rnd.pick(HOSTILE_IDS) })],
    [`${entity} with extra fields`, () => ({ ...valid(), name: "x", constructor: 1, ...JSON.parse('{"__proto__":{"admin":true}}') })],
    ["__typename not a string", () => ({ __typename: rnd.pick([1, null, ["Council"], { a: 1 }]), id: "1" })],
    ["no __typename", () => ({ id: "1" })],
    ["representation not an object", () => rnd.pick([1, "Council", [], true])],
  ];
  const [label, make, refuses] = rnd.pick(variants);
  return [label, make(), refuses];
}

/** Under 1 MiB in all, so that the list reaches the resolver rather than the body limit. */
const LIST_BYTES = 900_000;

function entities(ctx: GenContext): Draft {
  const { rnd, target } = ctx;
  const count = rnd.weighted([
    [8, 1],
    [4, rnd.int(2, 5)],
    [2, 100],
    [1, 1000],
    [0.5, 5000],
    [0.5, 25_000],
  ] as const);
  const drawn = representation(ctx);
  // Thousands of a 100 kB representation would be gigabytes: the length is what is probed, so the item is short.
  const heavy = count > 100 && JSON.stringify(drawn[1] ?? null).length > 200;
  const [label, first, refuses] = heavy ? [`${drawn[0]}, shortened`, { __typename: Object.keys(target.entities)[0], id: "1" }, undefined] : drawn;
  const fits = Math.min(count, Math.floor(LIST_BYTES / (JSON.stringify(first ?? null).length + 1)));
  // A long list repeats one representation; a short one mixes in others: what is probed is the length and the mix.
  const list = Array.from({ length: fits }, (_, i) => (i === 0 || fits > 5 ? first : representation(ctx)[1]));
  const alone = fits === 1 || fits > 5;
  const builder = new OperationBuilder(rnd, 0);
  const union = target.schema.getType("_Entity");
  const members = union && "getTypes" in union ? (union as { getTypes(): readonly GraphQLObjectType[] }).getTypes() : [];
  const sel = { schema: target.schema, rnd, builder, knobs: { hostile: 0, wrongType: 0, nulls: 0, optional: 0.3 }, maxDepth: rnd.int(0, 2), width: 3 };
  const fragments = rnd.sample(members, rnd.int(1, 3)).map((t) => `... on ${t.name} { ${selectionOf(t, sel, 0)} }`);
  const selection = `__typename ${fragments.join(" ")}`;
  const inline = rnd.chance(0.2);
  const sizeLabel = fits > 1 ? ` ×${fits}` : "";
  const refusesData = alone && refuses ? `_entities of ${refuses}` : undefined;
  if (inline) {
    // Gateways send variables; a literal goes through the _Any scalar's literal parsing instead.
    const literal = JSON.stringify(list).replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, "$1:");
    return { ...jsonPost("federation", `_entities literal: ${label}${sizeLabel}`, { query: `{ _entities(representations: ${literal}) { ${selection} } }` }), refusesData };
  }
  const payload = { query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`, variables: { representations: list } };
  return { ...jsonPost("federation", `_entities: ${label}${sizeLabel}`, payload), refusesData };
}

/** `_entities` and `_service` at a subgraph (and, rarely, at the gateway, which must not expose them). */
export function federationAbuse(ctx: GenContext): Draft {
  const { rnd, target } = ctx;
  const hasEntities = Object.keys(target.entities).length > 0 && isObjectType(target.schema.getType("_Service"));
  if (!hasEntities || rnd.chance(0.1)) {
    const query = rnd.pick(["{ _service { sdl } }", '{ _entities(representations: [{ __typename: "Council", id: "1" }]) { __typename } }']);
    return jsonPost("federation", query.includes("_service") ? "_service" : "_entities where not exposed", { query });
  }
  return entities(ctx);
}
