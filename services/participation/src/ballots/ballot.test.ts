import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { codesOf, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { HOUR, call, citizen, openVote, yearsAgo } from "../participation.fixtures";

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
});
afterAll(() => system.stop());

const BALLOT = `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`;
const adult = (n: number) => ({ fullName: `Votante Número ${n}`, email: `votante${n}@example.org`, birthDate: "1985-01-01" });

describe("ballots", () => {
  it("refuse a fourth pick, a repeated pick, a foreign option and a second ballot", async () => {
    const url = system.gatewayUrl;
    const vote = await openVote(url);
    const other = await openVote(url, 2);
    const token = await citizen(url, "voter-rules", adult(1));
    const cast = (proposalIds: string[]) => gql(url, BALLOT, { i: { processId: vote.processId, proposalIds } }, { token });
    const fourth = await cast(vote.optionIds.slice(0, 4));
    expect(codesOf(fourth)).toEqual(["BAD_USER_INPUT"]);
    expect(fourth.errors![0].message).toMatch(/at most 3/);
    expect(codesOf(await cast([vote.optionIds[0], vote.optionIds[0]]))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await cast([other.optionIds[0]]))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await cast([]))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await cast(vote.optionIds.slice(0, 3)))).toEqual([]);
    const second = await cast(vote.optionIds.slice(3, 5));
    expect(codesOf(second)).toEqual(["CONFLICT"]);
    const results = await call(url, `query($p: ID!) { process(id: $p) { results { ballots options { votes } } } }`, { p: vote.processId }, undefined);
    expect(results.process.results).toEqual({ ballots: 1, options: [1, 1, 1, 0, 0].map((votes) => ({ votes })) });
  });

  it("refuse a ballot outside the voting phase and in a closed process", async () => {
    const url = system.gatewayUrl;
    const past = new Date(Date.now() - 48 * HOUR).toISOString();
    const ended = new Date(Date.now() - 24 * HOUR).toISOString();
    const vote = await openVote(url, 3, { phases: [{ kind: "VOTING", title: "Votação encerrada", startsAt: past, endsAt: ended }] });
    const token = await citizen(url, "voter-late", adult(2));
    const late = await gql(url, BALLOT, { i: { processId: vote.processId, proposalIds: [vote.optionIds[0]] } }, { token });
    expect(codesOf(late)).toEqual(["CONFLICT"]);
    expect(late.errors![0].message).toMatch(/VOTING phase/);
    const closed = await openVote(url, 3, { status: "CLOSED" });
    const res = await gql(url, BALLOT, { i: { processId: closed.processId, proposalIds: [closed.optionIds[0]] } }, { token });
    expect(codesOf(res)).toEqual(["CONFLICT"]);
  });

  it("count one of two concurrent ballots of one person", async () => {
    const url = system.gatewayUrl;
    const vote = await openVote(url);
    const token = await citizen(url, "voter-race", adult(3));
    const attempts = await Promise.all(
      [0, 1, 2, 3].map((k) => gql(url, BALLOT, { i: { processId: vote.processId, proposalIds: [vote.optionIds[k]] } }, { token })),
    );
    const outcomes = attempts.map((a) => (a.errors ? codesOf(a).join() : "ok")).sort();
    expect(outcomes).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "ok"]);
    const results = await call(url, `query($p: ID!) { process(id: $p) { results { ballots options { votes } } } }`, { p: vote.processId });
    expect(results.process.results.ballots).toBe(1);
    expect(results.process.results.options.reduce((n: number, o: any) => n + o.votes, 0)).toBe(1);
  });

  it("keep people under the process's minimum age out, and minors' handles private", async () => {
    const url = system.gatewayUrl;
    const tooYoung = await gql(url, `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`, {
      i: { fullName: "Pessoa Jovem Demais", email: "jovem@example.org", birthDate: yearsAgo(15) },
    }, { token: await mintToken({ sub: "too-young", roles: ["CITIZEN"] }) });
    expect(codesOf(tooYoung)).toEqual(["BAD_USER_INPUT"]);
    const publicMinor = await gql(url, `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`, {
      i: { fullName: "Adolescente Participante", email: "adolescente@example.org", birthDate: yearsAgo(17), handle: "teen_handle", profilePublic: true },
    }, { token: await mintToken({ sub: "minor-1", roles: ["CITIZEN"] }) });
    expect(codesOf(publicMinor)).toEqual(["CONFLICT"]);
    const vote = await openVote(url);
    const token = await citizen(url, "minor-2", { fullName: "Adolescente Participante", email: "adolescente2@example.org", birthDate: yearsAgo(17), handle: "teen_two" });
    const { submitProposal } = await call(url, `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id author { displayName anonymous } } } }`, {
      i: { processId: vote.processId, title: "Quadra de esportes", body: "Reforma da quadra do bairro." },
    }, token);
    expect(submitProposal.proposal.author).toEqual({ displayName: "anonymous participant", anonymous: true });
    const fakePublic = await gql(url, `mutation($i: CorrectMyDataInput!) { correctMyData(input: $i) { personalData { profilePublic } } }`, { i: { expectedVersion: 1, profilePublic: true } }, { token });
    expect(codesOf(fakePublic)).toEqual(["CONFLICT"]);
  });

  it("refuse an invalid CPF and a CPF already registered, without echoing it", async () => {
    const url = system.gatewayUrl;
    const register = async (sub: string, cpf: string) =>
      gql(url, `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { documentMasked } } }`, {
        i: { fullName: "Pessoa com CPF", email: `${sub}@example.org`, birthDate: "1970-01-01", cpf },
      }, { token: await mintToken({ sub, roles: ["CITIZEN"] }) });
    const invalid = await register("cpf-1", "529.982.247-24");
    expect(codesOf(invalid)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(invalid)).not.toContain("529.982.247");
    const first = await register("cpf-2", "529.982.247-25");
    expect(first.data.registerParticipant.personalData.documentMasked).toBe("***.***.**7-25");
    const again = await register("cpf-3", "52998224725");
    expect(codesOf(again)).toEqual(["CONFLICT"]);
    expect(JSON.stringify(again)).not.toContain("52998224725");
  });
});
