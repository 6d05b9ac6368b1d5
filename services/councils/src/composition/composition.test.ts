import { civilToday } from "@contagem/schema";
import { adminToken, codesOf, gql, startSubgraph, type RunningSubgraph } from "@contagem/testkit";
import { councils } from "../definition";

let subgraph: RunningSubgraph;
let admin: string;
beforeAll(async () => {
  subgraph = await startSubgraph(councils);
  admin = await adminToken();
});
afterAll(() => subgraph.stop());

const run = (query: string, input: Record<string, unknown>) => gql(subgraph.url, query, { input }, { token: admin });
const OPEN = `mutation($input: OpenTermInput!) { openTerm(input: $input) { term { id label startsOn endsOn seats { id position sector segment } } } }`;
const APPOINT = `mutation($input: AppointMandateInput!) { appointMandate(input: $input) { mandate { id role boardRole startsOn endsOn version person { id displayName } council { slug } } } }`;
const END = `mutation($input: EndMandateInput!) { endMandate(input: $input) { mandate { id endsOn endReason version } } }`;

describe("terms, seats and mandates", () => {
  let councilId: string;
  let seats: { id: string; position: number }[];

  beforeAll(async () => {
    const council = await gql(subgraph.url, `{ council(slug: "comac") { id } }`);
    councilId = council.data.council.id;
  });

  it("opens a term with its seats; a term needs seats, and terms may not overlap", async () => {
    const noSeats = await run(OPEN, { councilId, startsOn: "2025-01-01", endsOn: "2026-12-31" });
    expect(codesOf(noSeats)).toEqual(["BAD_USER_INPUT"]);
    const seatsInput = [
      { sector: "GOVERNMENT", segment: "Secretaria de Meio Ambiente" },
      { sector: "CIVIL_SOCIETY", segment: "entidades ambientalistas" },
      { sector: "CIVIL_SOCIETY", segment: "entidades ambientalistas" },
    ];
    const opened = await run(OPEN, { councilId, startsOn: "2025-01-01", endsOn: "2026-12-31", seats: seatsInput });
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openTerm.term).toMatchObject({ label: "Gestão 2025-2026", startsOn: "2025-01-01", endsOn: "2026-12-31" });
    seats = opened.data.openTerm.term.seats;
    expect(seats.map((s) => s.position)).toEqual([1, 2, 3]);
    const overlap = await run(OPEN, { councilId, startsOn: "2026-06-01", endsOn: "2028-05-31", seats: seatsInput });
    expect(codesOf(overlap)).toEqual(["CONFLICT"]);
    const badDates = await run(OPEN, { councilId, startsOn: "2030-01-01", endsOn: "2029-01-01", seats: seatsInput });
    expect(codesOf(badDates)).toEqual(["BAD_USER_INPUT"]);
    const badDate = await run(OPEN, { councilId, startsOn: "2030-02-30", endsOn: "2031-01-01", seats: seatsInput });
    expect(codesOf(badDate)).toEqual(["BAD_USER_INPUT"]);
  });

  it("appoints a full member (titular) and an alternate (suplente), one active holder per seat and role, and ends a mandate", async () => {
    const titular = await run(APPOINT, { seatId: seats[0].id, personName: "Maria  das Dores Silva", role: "FULL_MEMBER", boardRole: "PRESIDENT", startsOn: "2025-01-10" });
    expect(titular.errors).toBeUndefined();
    expect(titular.data.appointMandate.mandate).toMatchObject({
      role: "FULL_MEMBER",
      boardRole: "PRESIDENT",
      endsOn: null,
      person: { displayName: "Maria das Dores Silva" },
      council: { slug: "comac" },
    });
    // The deprecated Portuguese names are still accepted until their removal date, and answered in the current ones.
    const second = await run(APPOINT, { seatId: seats[0].id, personName: "João Souza", role: "TITULAR", startsOn: "2025-01-10" });
    expect(codesOf(second)).toEqual(["CONFLICT"]);
    const suplente = await run(APPOINT, { seatId: seats[0].id, personName: "João Souza", role: "SUPLENTE", startsOn: "2025-01-10" });
    expect(suplente.errors).toBeUndefined();
    expect(suplente.data.appointMandate.mandate.role).toBe("ALTERNATE");
    const outside = await run(APPOINT, { seatId: seats[1].id, personName: "Ana Lima", role: "FULL_MEMBER", startsOn: "2024-01-01" });
    expect(codesOf(outside)).toEqual(["BAD_USER_INPUT"]);

    const mandate = titular.data.appointMandate.mandate;
    const ended = await run(END, { mandateId: mandate.id, expectedVersion: mandate.version, endsOn: "2025-06-30", reason: "RESIGNED" });
    expect(ended.data.endMandate.mandate).toMatchObject({ endsOn: "2025-06-30", endReason: "RESIGNED", version: mandate.version + 1 });
    const again = await run(END, { mandateId: mandate.id, expectedVersion: mandate.version + 1, endsOn: "2025-07-30", reason: "RESIGNED" });
    expect(codesOf(again)).toEqual(["CONFLICT"]);

    const reuse = await run(APPOINT, { seatId: seats[0].id, personId: mandate.person.id, role: "FULL_MEMBER", startsOn: "2025-07-01" });
    expect(reuse.errors).toBeUndefined();
  });

  it("shows the composition from the council: current term, seats, running mandates and people", async () => {
    const res = await gql(
      subgraph.url,
      `query($id: ID) { council(id: $id) { terms { totalCount edges { node { label } } }
          currentTerm { label seats { position mandates { role person { displayName } } } } } }`,
      { id: councilId },
    );
    const council = res.data.council;
    expect(council.terms.totalCount).toBe(1);
    // The term of 2025-2026 is current only between those dates; the composition is reachable through `terms` anyway.
    const today = civilToday();
    expect(council.currentTerm === null).toBe(!(today >= "2025-01-01" && today <= "2026-12-31"));
    const person = await gql(subgraph.url, `{ _entities(representations: [{ __typename: "Mandate", id: "1" }]) { ... on Mandate { person { displayName mandates { role endsOn } } } } }`);
    expect(person.data._entities[0].person).toEqual({
      displayName: "Maria das Dores Silva",
      mandates: expect.arrayContaining([
        { role: "FULL_MEMBER", endsOn: "2025-06-30" },
        { role: "FULL_MEMBER", endsOn: null },
      ]),
    });
  });
});
