import { civilToday } from "@contagem/schema";
import { gql, mintToken } from "@contagem/testkit";

/** Builds participation through the graph, as staff and citizens would. Test data, never mocks. */
export const HOUR = 3_600_000;

/** The birth date of someone who turns `years` today in Contagem (born on 28 February when today is the 29th). */
export function yearsAgo(years: number): string {
  const today = civilToday();
  const monthDay = today.slice(4) === "-02-29" ? "-02-28" : today.slice(4);
  return `${Number(today.slice(0, 4)) - years}${monthDay}`;
}

export async function call(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await gql(url, query, variables, { token });
  if (res.errors) throw new Error(`${query.slice(0, 80)}… → ${JSON.stringify(res.errors)}`);
  return res.data;
}

export const staffToken = () => mintToken({ sub: "staff-1", roles: ["STAFF"] });

/** An open vote with a running VOTING phase (and PROPOSALS/SUPPORTS phases), and `options` official options. */
export async function openVote(url: string, options = 5, extra: Record<string, unknown> = {}) {
  const staff = await staffToken();
  const now = Date.now();
  const { createProcess } = await call(url, `mutation($i: CreateProcessInput!) { createProcess(input: $i) { process { id version } } }`, {
    i: {
      kind: "PRIORITIZATION_VOTE",
      title: "Votação de prioridades de teste",
      description: "Escolha até três prioridades.",
      status: "OPEN",
      maxChoices: 3,
      phases: [
        { kind: "PROPOSALS", title: "Propostas", startsAt: new Date(now - 10 * HOUR).toISOString(), endsAt: new Date(now + 10 * HOUR).toISOString() },
        { kind: "SUPPORTS", title: "Apoios", startsAt: new Date(now - 10 * HOUR).toISOString(), endsAt: new Date(now + 10 * HOUR).toISOString() },
        { kind: "VOTING", title: "Votação", startsAt: new Date(now - 10 * HOUR).toISOString(), endsAt: new Date(now + 10 * HOUR).toISOString() },
      ],
      ...extra,
    },
  }, staff);
  const optionIds: string[] = [];
  for (let i = 0; i < options; i++) {
    const { createProposalOption } = await call(url, `mutation($i: CreateProposalOptionInput!) { createProposalOption(input: $i) { proposal { id } } }`, {
      i: { processId: createProcess.process.id, title: `Compromisso ${i + 1}`, body: `Descrição do compromisso ${i + 1}.` },
    }, staff);
    optionIds.push(createProposalOption.proposal.id);
  }
  return { processId: createProcess.process.id as string, version: createProcess.process.version as number, optionIds, staff };
}

export interface CitizenData {
  fullName: string;
  email: string;
  phone?: string;
  cpf?: string;
  birthDate: string;
  neighborhood?: string;
  /** The deprecated spelling, still accepted. */
  neighbourhood?: string;
  territoryId?: string;
  handle?: string;
  profilePublic?: boolean;
}

/** A registered citizen with their own token. */
export async function citizen(url: string, sub: string, data: CitizenData) {
  const token = await mintToken({ sub, roles: ["CITIZEN"] });
  await call(url, `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`, { i: data }, token);
  return token;
}

/** Valid CPFs (check digits right), made for tests. */
export function testCpf(seed: number): string {
  const base = String(100_000_000 + seed * 7919).slice(0, 9).split("").map(Number);
  const digit = (digits: number[]) => {
    const sum = digits.reduce((acc, d, i) => acc + d * (digits.length + 1 - i), 0);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  const first = digit(base);
  const second = digit([...base, first]);
  const all = [...base, first, second].join("");
  return `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}`;
}
