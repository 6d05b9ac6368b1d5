import { adminToken, gql, runMatrix, startSubgraph, uncoveredMutations, type Councils, type MatrixRow, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "./definition";

/**
 * Every mutation of the councils subgraph × {anonymous, CITIZEN, SECRETARY of A, SECRETARY of B, STAFF, ADMIN}.
 * Later subgraphs extend the same matrix with their own rows.
 */
let subgraph: RunningSubgraph;
let admin: string;
let target: Councils;
let cell = 0;

const asAdmin = async (query: string, variables: Record<string, unknown>) => {
  const res = await gql(subgraph.url, query, variables, { token: admin });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
};

beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  admin = await adminToken();
  const read = await gql(subgraph.url, `{ a: council(slug: "compur") { id slug } b: council(slug: "cmsc") { id slug } }`);
  target = read.data;
});
afterAll(() => subgraph.stop());

/** A term of council A with a free seat, opened by ADMIN for one cell. */
async function freshSeat(): Promise<{ seatId: string; startsOn: string }> {
  const year = 2100 + cell++ * 2;
  const startsOn = `${year}-01-01`;
  const data = await asAdmin(
    `mutation($input: OpenTermInput!) { openTerm(input: $input) { term { seats { id } } } }`,
    { input: { councilId: target.a.id, startsOn, endsOn: `${year + 1}-12-31`, seats: [{ sector: "CIVIL_SOCIETY" }] } },
  );
  return { seatId: data.openTerm.term.seats[0].id, startsOn };
}

/** A territory of a writable grid, created by ADMIN for one cell. */
async function freshTerritory(): Promise<{ id: string; version: number }> {
  const { territory } = await asAdmin(`{ territory(code: "SEDE") { id } }`, {});
  const data = await asAdmin(
    `mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { territory { id version } } }`,
    { input: { scheme: "ELECTORAL_MICROREGION", code: `MR_MATRIZ_${cell++}`, name: "Microrregião da Matriz", parentId: territory.id } },
  );
  return data.createTerritory.territory;
}

const DENY_ALL_BUT_ADMIN = { anonymous: "UNAUTHENTICATED", CITIZEN: "FORBIDDEN", SECRETARY_A: "FORBIDDEN", SECRETARY_B: "FORBIDDEN", STAFF: "FORBIDDEN", ADMIN: "ok" } as const;
const COUNCIL_A_WRITERS = { anonymous: "UNAUTHENTICATED", CITIZEN: "FORBIDDEN", SECRETARY_A: "ok", SECRETARY_B: "FORBIDDEN", STAFF: "FORBIDDEN", ADMIN: "ok" } as const;

const rows: MatrixRow[] = [
  {
    operation: "createCouncil",
    document: `mutation($input: CreateCouncilInput!) { createCouncil(input: $input) { council { id } } }`,
    variables: async () => ({ input: { name: `Conselho da Matriz ${cell++}`, kind: "FORUM" } }),
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "updateCouncil",
    document: `mutation($input: UpdateCouncilInput!) { updateCouncil(input: $input) { council { id } } }`,
    variables: async () => {
      const { council } = await asAdmin(`query($id: ID) { council(id: $id) { version } }`, { id: target.a.id });
      return { input: { id: target.a.id, expectedVersion: council.version, notes: `nota ${cell++}` } };
    },
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "openTerm",
    document: `mutation($input: OpenTermInput!) { openTerm(input: $input) { term { id } } }`,
    variables: async () => {
      const year = 2100 + cell++ * 2;
      return { input: { councilId: target.a.id, startsOn: `${year}-01-01`, endsOn: `${year + 1}-12-31`, seats: [{ sector: "GOVERNMENT" }] } };
    },
    expected: COUNCIL_A_WRITERS,
  },
  {
    operation: "appointMandate",
    document: `mutation($input: AppointMandateInput!) { appointMandate(input: $input) { mandate { id } } }`,
    variables: async () => {
      const { seatId, startsOn } = await freshSeat();
      return { input: { seatId, personName: "Pessoa da Matriz", role: "FULL_MEMBER", startsOn } };
    },
    expected: COUNCIL_A_WRITERS,
  },
  {
    operation: "endMandate",
    document: `mutation($input: EndMandateInput!) { endMandate(input: $input) { mandate { id } } }`,
    variables: async () => {
      const { seatId, startsOn } = await freshSeat();
      const { appointMandate } = await asAdmin(
        `mutation($input: AppointMandateInput!) { appointMandate(input: $input) { mandate { id version } } }`,
        { input: { seatId, personName: "Pessoa a Encerrar", role: "FULL_MEMBER", startsOn } },
      );
      const { id, version } = appointMandate.mandate;
      return { input: { mandateId: id, expectedVersion: version, endsOn: startsOn.replace("-01-01", "-06-30"), reason: "RESIGNED" } };
    },
    expected: COUNCIL_A_WRITERS,
  },
  {
    operation: "openTerm (longer than the rule, with ADMIN's override)",
    document: `mutation($input: OpenTermInput!) { openTerm(input: $input) { term { id } } }`,
    variables: async () => {
      const year = 2100 + cell++ * 2;
      return {
        input: {
          councilId: target.a.id, startsOn: `${year}-01-01`, endsOn: `${year + 1}-12-31`, seats: [{ sector: "GOVERNMENT" }],
          termLengthOverrideReason: "Prorrogação pela lei municipal",
        },
      };
    },
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "createTerritory",
    document: `mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { territory { id } } }`,
    variables: async () => ({ input: { scheme: "HEALTH_DISTRICT", code: `DS_MATRIZ_${cell++}`, name: "Distrito Sanitário da Matriz" } }),
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "updateTerritory",
    document: `mutation($input: UpdateTerritoryInput!) { updateTerritory(input: $input) { territory { id } } }`,
    variables: async () => {
      const { id, version } = await freshTerritory();
      return { input: { id, expectedVersion: version, population: 12000, populationSource: "IBGE census 2022" } };
    },
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "recordLegalActPublication",
    document: `mutation($input: RecordLegalActPublicationInput!) { recordLegalActPublication(input: $input) { legalAct { id } } }`,
    variables: async () => {
      const { council } = await asAdmin(`{ council(slug: "conselho-regional-sede") { legalBasis { id version } } }`, {});
      const { id, version } = council.legalBasis;
      return { input: { legalActId: id, expectedVersion: version, gazetteEdition: 5000 + cell++, gazettePages: "3-4", gazetteDate: "2021-07-13" } };
    },
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "auditTrail (query)",
    document: `{ auditTrail(first: 1) { totalCount } }`,
    variables: async () => ({}),
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "createWebhookSubscription",
    document: `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`,
    variables: async () => ({ input: { url: `https://receptor.example.org/hook/${cell++}`, eventTypes: ["MEETING_HELD"] } }),
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "updateWebhookSubscription",
    document: `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) { subscription { id } } }`,
    variables: async () => {
      const { createWebhookSubscription } = await asAdmin(
        `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id version } } }`,
        { input: { url: `https://receptor.example.org/hook/${cell++}`, eventTypes: ["MEETING_HELD"] } },
      );
      const { id, version } = createWebhookSubscription.subscription;
      return { input: { id, expectedVersion: version, active: false } };
    },
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "redeliverWebhookDeliveries",
    document: `mutation($input: RedeliverWebhookDeliveriesInput!) { redeliverWebhookDeliveries(input: $input) { requeued } }`,
    variables: async () => {
      const { createWebhookSubscription } = await asAdmin(
        `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`,
        { input: { url: `https://receptor.example.org/hook/${cell++}`, eventTypes: ["MEETING_HELD"] } },
      );
      return { input: { subscriptionId: createWebhookSubscription.subscription.id } };
    },
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "rotateWebhookSecret",
    document: `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret } }`,
    variables: async () => {
      const { createWebhookSubscription } = await asAdmin(
        `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id version } } }`,
        { input: { url: `https://receptor.example.org/hook/${cell++}`, eventTypes: ["MEETING_HELD"] } },
      );
      const { id, version } = createWebhookSubscription.subscription;
      return { input: { subscriptionId: id, expectedVersion: version } };
    },
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "webhookSubscriptions (query)",
    document: `{ webhookSubscriptions { id } }`,
    variables: async () => ({}),
    expected: DENY_ALL_BUT_ADMIN,
  },
  {
    operation: "webhookDeliveries (query)",
    document: `{ webhookDeliveries(first: 1) { id } }`,
    variables: async () => ({}),
    expected: DENY_ALL_BUT_ADMIN,
  },
];

describe("authorization matrix (councils)", () => {
  it("gives each actor exactly the expected outcome for every mutation", async () => {
    const { observed, expected } = await runMatrix(subgraph.url, rows, target);
    expect(observed).toEqual(expected);
  });

  it("has a row for every mutation of the subgraph", async () => {
    expect(await uncoveredMutations(subgraph.url, rows.map((row) => row.operation))).toEqual([]);
  });
});
