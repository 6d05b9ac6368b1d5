import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { adminToken, codesOf, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "../definition";
import { HOUR, call, citizen, openVote, staffToken } from "../participation.fixtures";

/** A proposal's life: PUBLISHED → SELECTED / NOT_SELECTED (STAFF, after the citizens' phases) or WITHDRAWN (author or STAFF). */
let system: RunningSystem;
let staff: string;
let author: string;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  staff = await staffToken();
  author = await citizen(system.gatewayUrl, "autora-propostas", { fullName: "Autora de Propostas", email: "propostas@example.org", birthDate: "1975-05-05" });
});
afterAll(() => system.stop());

const WITHDRAW = `mutation($i: WithdrawProposalInput!) { withdrawProposal(input: $i) { proposal { id status statusReason version } } }`;
const DECIDE = `mutation($i: DecideProposalInput!) { decideProposal(input: $i) { proposal { id status statusReason version } } }`;
const UPDATE = `mutation($i: UpdateProcessInput!) { updateProcess(input: $i) { process { id version } } }`;
const as = (token: string, query: string, input: Record<string, unknown>) => gql(system.gatewayUrl, query, { i: input }, { token });
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

async function proposalIn(processId: string) {
  return (await call(system.gatewayUrl, `mutation($i: SubmitProposalInput!) { submitProposal(input: $i) { proposal { id version status } } }`, {
    i: { processId, title: "Iluminação da praça", body: "Trocar as luminárias da praça central." },
  }, author)).submitProposal.proposal;
}

describe("withdrawing a proposal", () => {
  it("is its author's while the process is OPEN, with a reason; then it takes no supports", async () => {
    const vote = await openVote(system.gatewayUrl, 0);
    const proposal = await proposalIn(vote.processId);
    expect(codesOf(await as(author, WITHDRAW, { proposalId: proposal.id, expectedVersion: proposal.version, reason: "  " }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await as(author, WITHDRAW, { proposalId: proposal.id, expectedVersion: proposal.version + 1, reason: "Duplicada" }))).toEqual(["CONFLICT"]);
    const other = await citizen(system.gatewayUrl, "outra-cidada", { fullName: "Outra Cidadã", email: "outra@example.org", birthDate: "1980-01-01" });
    expect(codesOf(await as(other, WITHDRAW, { proposalId: proposal.id, expectedVersion: proposal.version, reason: "Não gostei" }))).toEqual(["FORBIDDEN"]);
    const withdrawn = await as(author, WITHDRAW, { proposalId: proposal.id, expectedVersion: proposal.version, reason: "Proposta duplicada" });
    expect(withdrawn.data.withdrawProposal.proposal).toMatchObject({ status: "WITHDRAWN", statusReason: "Proposta duplicada" });
    const again = await as(staff, WITHDRAW, { proposalId: proposal.id, expectedVersion: withdrawn.data.withdrawProposal.proposal.version, reason: "De novo" });
    expect(codesOf(again)).toEqual(["CONFLICT"]);
    expect(codesOf(await as(other, `mutation($i: SupportProposalInput!) { supportProposal(input: $i) { proposal { id } } }`, { proposalId: proposal.id }))).toEqual(["CONFLICT"]);
  });

  it("is STAFF's alone once the process left OPEN", async () => {
    const vote = await openVote(system.gatewayUrl, 0);
    const proposal = await proposalIn(vote.processId);
    await call(system.gatewayUrl, UPDATE, { i: { id: vote.processId, expectedVersion: vote.version, status: "CLOSED" } }, staff);
    const input = { proposalId: proposal.id, expectedVersion: proposal.version, reason: "Fora do prazo" };
    expect(codesOf(await as(author, WITHDRAW, input))).toEqual(["CONFLICT"]);
    expect((await as(staff, WITHDRAW, input)).data.withdrawProposal.proposal.status).toBe("WITHDRAWN");
  });

  it("is audited, naming the proposal", async () => {
    const vote = await openVote(system.gatewayUrl, 0);
    const proposal = await proposalIn(vote.processId);
    await call(system.gatewayUrl, WITHDRAW, { i: { proposalId: proposal.id, expectedVersion: proposal.version, reason: "Auditada" } }, author);
    const trail = await call(system.gatewayUrl, `query($id: ID) { auditTrail(filter: { entityType: "Proposal", entityId: $id }) { edges { node { action } } } }`, { id: proposal.id }, await adminToken());
    expect(trail.auditTrail.edges.map((e: any) => e.node.action)).toEqual(expect.arrayContaining(["proposal.submit", "proposal.withdraw"]));
  });
});

describe("deciding a proposal", () => {
  it("waits for the voting phase to end, then is final", async () => {
    const vote = await openVote(system.gatewayUrl, 2);
    const [first, second] = vote.optionIds;
    const version = async (id: string) => (await call(system.gatewayUrl, `query($id: ID!) { proposal(id: $id) { version } }`, { id }, undefined)).proposal.version;
    expect(codesOf(await as(staff, DECIDE, { proposalId: first, expectedVersion: await version(first), decision: "SELECTED" }))).toEqual(["CONFLICT"]);
    const ended = { startsAt: at(-10), endsAt: at(-1) };
    const phases = ["PROPOSALS", "SUPPORTS", "VOTING"].map((kind) => ({ kind, title: kind, ...ended }));
    await call(system.gatewayUrl, UPDATE, { i: { id: vote.processId, expectedVersion: vote.version, phases } }, staff);
    expect(codesOf(await as(author, DECIDE, { proposalId: first, expectedVersion: await version(first), decision: "SELECTED" }))).toEqual(["FORBIDDEN"]);
    const selected = await as(staff, DECIDE, { proposalId: first, expectedVersion: await version(first), decision: "SELECTED", reason: "Mais votado" });
    expect(selected.data.decideProposal.proposal).toMatchObject({ status: "SELECTED", statusReason: "Mais votado" });
    const notSelected = await as(staff, DECIDE, { proposalId: second, expectedVersion: await version(second), decision: "NOT_SELECTED" });
    expect(notSelected.data.decideProposal.proposal).toMatchObject({ status: "NOT_SELECTED", statusReason: null });
    const current = selected.data.decideProposal.proposal.version;
    expect(codesOf(await as(staff, DECIDE, { proposalId: first, expectedVersion: current, decision: "NOT_SELECTED" }))).toEqual(["CONFLICT"]);
    expect(codesOf(await as(staff, WITHDRAW, { proposalId: first, expectedVersion: current, reason: "Inviável" }))).toEqual(["CONFLICT"]);
  });

  it("is refused in a PLANNED or CANCELLED process", async () => {
    const planned = await openVote(system.gatewayUrl, 1, { status: "PLANNED" });
    const cancelled = await openVote(system.gatewayUrl, 1);
    await call(system.gatewayUrl, UPDATE, { i: { id: cancelled.processId, expectedVersion: cancelled.version, status: "CANCELLED" } }, staff);
    for (const { optionIds: [option] } of [planned, cancelled]) {
      const version = (await call(system.gatewayUrl, `query($id: ID!) { proposal(id: $id) { version } }`, { id: option }, undefined)).proposal.version;
      expect(codesOf(await as(staff, DECIDE, { proposalId: option, expectedVersion: version, decision: "SELECTED" }))).toEqual(["CONFLICT"]);
    }
  });
});
