import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { adminToken, codesOf, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { citizen, staffToken } from "../participation.fixtures";

/** STAFF read personal data only through staff-only fields, each read audited with who, whose, which fields and why. */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  await citizen(system.gatewayUrl, "staff-read-subject", { fullName: "Pessoa Consultada", email: "consultada@example.org", phone: "31999990000", birthDate: "1975-07-07" });
});
afterAll(() => system.stop());

const READ = `query($id: ID!, $why: String!) { participant(id: $id, purpose: $why) { fullName email } }`;

describe("staff reads of personal data", () => {
  it("are refused to citizens, secretaries and anonymous callers", async () => {
    const variables = { id: "1", why: "Verificação de cadastro para a conferência" };
    expect(codesOf(await gql(system.gatewayUrl, READ, variables))).toEqual(["UNAUTHENTICATED"]);
    for (const roles of [["CITIZEN"], ["SECRETARY"]] as const) {
      const res = await gql(system.gatewayUrl, READ, variables, { token: await mintToken({ roles: [...roles], councils: ["compur"] }) });
      expect(codesOf(res)).toEqual(["FORBIDDEN"]);
      expect(JSON.stringify(res)).not.toContain("consultada@example.org");
    }
  });

  it("need a purpose, and each read writes an audit entry naming the fields and the purpose", async () => {
    const staff = await staffToken();
    const noPurpose = await gql(system.gatewayUrl, READ, { id: "1", why: "" }, { token: staff });
    expect(codesOf(noPurpose)).toEqual(["BAD_USER_INPUT"]);
    const res = await gql(system.gatewayUrl, READ, { id: "1", why: "Verificação de cadastro para a conferência" }, { token: staff });
    expect(res.data.participant).toEqual({ fullName: "Pessoa Consultada", email: "consultada@example.org" });
    const list = await gql(system.gatewayUrl, `{ participants(first: 10, purpose: "Conferência de listas de presença") { edges { node { phone } } } }`, undefined, { token: staff });
    expect(list.data.participants.edges).toEqual([{ node: { phone: "31999990000" } }]);
    const audit = await system.subgraphs.participation.orm.em.getConnection().execute(
      `select actor_sub, actor_roles, action, entity_type, entity_id, details from "${system.subgraphs.participation.database.auditSchema}".audit_entry where action = 'participant.read' order by id`,
    );
    expect(audit).toEqual([
      { actor_sub: "staff-1", actor_roles: ["STAFF"], action: "participant.read", entity_type: "Participant", entity_id: 1, details: { fields: ["fullName", "email"], purpose: "Verificação de cadastro para a conferência" } },
      { actor_sub: "staff-1", actor_roles: ["STAFF"], action: "participant.read", entity_type: "Participant", entity_id: 1, details: { fields: ["phone"], purpose: "Conferência de listas de presença" } },
    ]);
    const trail = await gql(system.gatewayUrl, `{ auditTrail(filter: { entityType: "Participant", entityId: "1" }) { totalCount } }`, undefined, { token: await adminToken() });
    expect(trail.data.auditTrail.totalCount).toBeGreaterThanOrEqual(3);
  });
});
