import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { codesOf, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "./definition";
import { call, citizen, openVote, staffToken, testCpf } from "./participation.fixtures";

/** A citizen's whole life in the system, and their rights over their data (LGPD arts. 18). */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"));
});
afterAll(() => system.stop());

const PERSON = {
  fullName: "Joana Recognizable Testperson",
  email: "joana.recognizable@example.org",
  phone: "(31) 98877-6655",
  cpf: testCpf(42),
  birthDate: "1990-05-17",
  neighborhood: "Bairro Reconhecível",
  handle: "joana_contagem",
  profilePublic: true,
};

describe("data-subject rights", () => {
  it("register → vote → support → contribute → export (complete) → erase: records remain, anonymous; personal data gone from every table", async () => {
    const url = system.gatewayUrl;
    const vote = await openVote(url);
    const token = await citizen(url, "citizen-joana", PERSON);

    const { castBallot } = await call(url, `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour process { id } } }`, {
      i: { processId: vote.processId, proposalIds: vote.optionIds.slice(0, 3) },
    }, token);
    expect(new Date(castBallot.castAtHour).getUTCMinutes()).toBe(0);
    expect(new Date(castBallot.castAtHour).getUTCSeconds()).toBe(0);
    await call(url, `mutation($i: SupportProposalInput!) { supportProposal(input: $i) { proposal { supporterCount } } }`, { i: { proposalId: vote.optionIds[4] } }, token);
    const { submitProposal } = await call(url, `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id } } }`, {
      i: { processId: vote.processId, title: "Mais bancos na praça", body: "Proposta de mais bancos na praça central." },
    }, token);
    const { contribute } = await call(url, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id version status } } }`, {
      i: { proposalId: vote.optionIds[0], body: "Apoio este compromisso pela transparência." },
    }, token);
    await call(url, `mutation($i: ContributeInput!) { contribute(input: $i) { contribution { id } } }`, {
      i: { proposalId: vote.optionIds[1], body: "Comentário ainda não moderado, com meu telefone 98877-6655." },
    }, token);
    const staff = await staffToken();
    await call(url, `mutation($i: ModerateContributionInput!) { moderateContribution(input: $i) { contribution { status } } }`, {
      i: { contributionId: contribute.contribution.id, expectedVersion: contribute.contribution.version, status: "PUBLISHED" },
    }, staff);

    // The public sees the handle (adult, public profile) and nothing else.
    const publicView = await call(url, `query($id: ID!) { proposal(id: $id) { contributions { edges { node { body author { displayName anonymous } } } } } }`, { id: vote.optionIds[0] });
    expect(publicView.proposal.contributions.edges).toEqual([{ node: { body: "Apoio este compromisso pela transparência.", author: { displayName: "joana_contagem", anonymous: false } } }]);

    // `me` and the export hold everything.
    const me = await call(url, `{ me { personalData { fullName email phone documentMasked birthDate neighborhood neighbourhood handle profilePublic }
      proposals { title } supports { proposalTitle } ballots { processTitle choices castAt } contributions { body status } } }`, {}, token);
    expect(me.me.personalData).toEqual({
      fullName: PERSON.fullName, email: PERSON.email, phone: "31988776655", documentMasked: `***.***.**${PERSON.cpf.slice(-4, -3)}-${PERSON.cpf.slice(-2)}`,
      birthDate: PERSON.birthDate, neighborhood: PERSON.neighborhood, neighbourhood: PERSON.neighborhood, handle: PERSON.handle, profilePublic: true,
    });
    expect(me.me.ballots[0].choices).toEqual(["Compromisso 1", "Compromisso 2", "Compromisso 3"]);
    expect(me.me.supports).toEqual([{ proposalTitle: "Compromisso 5" }]);
    expect(me.me.proposals).toEqual([{ title: "Mais bancos na praça" }]);
    expect(me.me.contributions.map((c: any) => c.status).sort()).toEqual(["PENDING", "PUBLISHED"]);
    const exported = (await call(url, `{ exportMyData }`, {}, token)).exportMyData;
    expect(exported.personalData.email).toBe(PERSON.email);
    expect(exported.ballots).toHaveLength(1);
    expect(exported.supports).toHaveLength(1);
    expect(exported.proposals).toHaveLength(1);
    expect(exported.contributions).toHaveLength(2);

    // Correction.
    const corrected = await call(url, `mutation($i: CorrectMyDataInput!) { correctMyData(input: $i) { personalData { email version } } }`, {
      i: { expectedVersion: 1, email: "joana.nova@example.org" },
    }, token);
    expect(corrected.correctMyData.personalData.email).toBe("joana.nova@example.org");

    // Erasure: irreversible, civic records intact.
    const refused = await gql(url, `mutation { eraseMe(input: { confirm: "yes" }) { erasedAt } }`, undefined, { token });
    expect(codesOf(refused)).toEqual(["BAD_USER_INPUT"]);
    await call(url, `mutation { eraseMe(input: { confirm: "ERASE" }) { erasedAt } }`, {}, token);
    expect((await call(url, `{ me { personalData { id } } }`, {}, token)).me).toBeNull();

    const after = await call(url, `query($p: ID!, $o: ID!, $s: ID!) {
      process(id: $p) { results { ballots options { votes } } }
      option: proposal(id: $o) { supporterCount contributions { edges { node { body author { displayName anonymous } } } } }
      mine: proposal(id: $s) { title author { displayName anonymous } } }`, { p: vote.processId, o: vote.optionIds[0], s: submitProposal.proposal.id });
    expect(after.process.results.ballots).toBe(1);
    expect(after.process.results.options.map((o: any) => o.votes)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(after.option.contributions.edges[0].node).toEqual({ body: "Apoio este compromisso pela transparência.", author: { displayName: "anonymous participant", anonymous: true } });
    expect(after.mine).toEqual({ title: "Mais bancos na praça", author: { displayName: "anonymous participant", anonymous: true } });

    // Nothing of the person remains in any table of the participation schema (nor in the audit log).
    const connection = system.subgraphs.participation.orm.em.getConnection();
    const schemas = [system.subgraphs.participation.database.schema, system.subgraphs.participation.database.auditSchema];
    const tables = await connection.execute<{ table_schema: string; table_name: string }[]>(
      `select table_schema, table_name from information_schema.tables where table_schema in (?, ?)`, schemas);
    const needles = ["joana", "Recognizable", "98877", "988776655", PERSON.cpf.replace(/\D/g, ""), PERSON.cpf, "1990-05-17", "Reconhecível", "citizen-joana"];
    for (const { table_schema, table_name } of tables) {
      const rows = await connection.execute(`select * from "${table_schema}"."${table_name}"`);
      const dump = JSON.stringify(rows);
      for (const needle of needles) expect({ table: table_name, needle, found: dump.includes(needle) }).toEqual({ table: table_name, needle, found: false });
    }
  });
});
