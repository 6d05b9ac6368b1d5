import { buildSchema, parse } from "graphql";
import { measureOperation } from "./node-limit";

const schema = buildSchema(`
  type Query { councils(first: Int, last: Int): CouncilConnection items: [Council] nodes(ids: [ID!]!): [Council] _entities(representations: [String!]!): [Council] }
  type CouncilConnection { edges: [CouncilEdge] totalCount: Int }
  type CouncilEdge { node: Council }
  type Council { id: ID meetings(first: Int, last: Int): MeetingConnection self: Council }
  type MeetingConnection { totalCount: Int }
`);
const measure = (query: string, variables: Record<string, unknown> = {}) => measureOperation(schema, parse(query), variables);

describe("the nodes an operation may return", () => {
  it("sums, over the connections, the product of the page sizes along the way: literals, variables, defaults", () => {
    expect(measure(`{ councils(first: 10) { edges { node { meetings(first: 30) { totalCount } } } } }`).nodes).toBe(10 + 10 * 30);
    expect(measure(`query($n: Int) { councils(first: $n) { edges { node { meetings { totalCount } } } } }`, { n: 7 }).nodes).toBe(7 + 7 * 20);
    expect(measure(`query($n: Int = 3) { councils(first: $n) { totalCount } }`).nodes).toBe(3);
    // Paging backward weighs as much as paging forward.
    expect(measure(`query($n: Int) { councils(last: $n) { edges { node { meetings(last: 30) { totalCount } } } } }`, { n: 10 }).nodes).toBe(10 + 10 * 30);
    // A non-connection field passes its multiplier down unchanged.
    expect(measure(`{ items { self { meetings(first: 5) { totalCount } } } }`).nodes).toBe(5);
  });

  it("multiplies what is under `_entities` by its representations, and counts them", () => {
    expect(measure(`query($r: [String!]!) { _entities(representations: $r) { meetings(first: 100) { totalCount } } }`, { r: ["a", "b", "c"] })).toEqual({ nodes: 300, representations: 3 });
    expect(measure(`{ _entities(representations: ["a", "b"]) { id } }`)).toEqual({ nodes: 0, representations: 2 });
  });

  it("weighs a list sized by a list argument (nodes(ids:)) by its length: many ids cost what a page of them costs", () => {
    const ids = Array.from({ length: 35 }, (_, i) => `"${i}"`).join(", ");
    expect(measure(`{ nodes(ids: [${ids}]) { meetings(last: 100) { totalCount } } }`).nodes).toBe(35 + 35 * 100);
    expect(measure(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ["a", "a", "a"] }).nodes).toBe(3);
    // A list without a sizing argument passes its multiplier down unchanged.
    expect(measure(`{ items { meetings(first: 5) { totalCount } } }`).nodes).toBe(5);
  });

  it("measures a fragment once, however often it is spread (no fragment bomb), and survives a cycle", () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Council { ${i < 29 ? `self { ...F${i + 1} } x: self { ...F${i + 1} }` : "meetings(first: 1) { totalCount }"} }`);
    const size = measure(`{ councils(first: 1) { edges { node { ...F0 } } } } ${fragments.join(" ")}`);
    expect(size.nodes).toBe(1 + 2 ** 29);
    expect(measure(`{ councils(first: 1) { edges { node { ...A } } } } fragment A on Council { self { ...A } }`).nodes).toBe(1);
  });
});
