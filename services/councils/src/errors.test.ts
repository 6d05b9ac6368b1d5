import { gql, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "./definition";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
});
afterAll(() => subgraph.stop());

describe("unexpected errors", () => {
  it("reach the client masked, with a request id and no SQL or stack", async () => {
    // A real fault, not a mock: the table behind `councils` disappears under the running service.
    await subgraph.orm.em.getConnection().execute(`alter table "${subgraph.database.schema}".council rename to council_gone`);
    try {
      const res = await gql(subgraph.url, `{ councils { totalCount } }`, undefined, { headers: { "x-request-id": "req-123" } });
      expect(res.errors).toHaveLength(1);
      const [error] = res.errors!;
      expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-123" });
      expect(error.message).toBe("Unexpected error. Quote request id req-123 when reporting it.");
      expect(JSON.stringify(res)).not.toMatch(/select|council_gone|relation|stack|\.ts/i);
      expect(res.headers.get("x-request-id")).toBe("req-123");
    } finally {
      await subgraph.orm.em.getConnection().execute(`alter table "${subgraph.database.schema}".council_gone rename to council`);
    }
  });

  it("give every response a request id, generated when the client sends none or a malformed one", async () => {
    const res = await gql(subgraph.url, `{ __typename }`, undefined, { headers: { "x-request-id": "bad id with spaces" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reject a body that is not JSON with BAD_REQUEST", async () => {
    const res = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});
