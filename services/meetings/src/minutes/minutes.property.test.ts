import { councils } from "@contagem/councils";
import { codesOf, gql, startSystem, type RunningSystem } from "@contagem/testkit";
import fc from "fast-check";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { meetings } from "../definition";
import { CouncilWorld, date } from "../meetings.fixtures";

/**
 * Random sequences of minutes operations against the real service, checked against a model: published versions never
 * change, version numbers rise by exactly one, and the council's numbering has no gaps or duplicates.
 */
let system: RunningSystem;
let world: CouncilWorld;
beforeAll(async () => {
  system = await startSystem([councils, meetings], await readFile(join(__dirname, "../../../../gateway/supergraph.graphql"), "utf8"));
  world = await new CouncilWorld(system.gatewayUrl, "comac").setup(1);
});
afterAll(() => system.stop());

type Op = { kind: "draft" | "revise" | "approve" | "publish" | "amend"; slot: number };
type Model = { id: string; version: number; status: "DRAFT" | "APPROVED" | "PUBLISHED"; versions: number; published: Map<number, { body: string; sha256: string }> };

const op = fc.record({ kind: fc.constantFrom("draft", "revise", "approve", "publish", "amend"), slot: fc.integer({ min: 0, max: 1 }) }) as fc.Arbitrary<Op>;
const M = {
  revise: `mutation($i: ReviseMinutesDraftInput!) { reviseMinutesDraft(input: $i) { minutes { version } } }`,
  publish: `mutation($i: PublishMinutesInput!) { publishMinutes(input: $i) { minutes { version } } }`,
  amend: `mutation($i: AmendMinutesInput!) { amendMinutes(input: $i) { minutes { version } } }`,
};

async function check(models: Model[]) {
  for (const model of models) {
    const res = await gql(system.gatewayUrl, `query($id: ID!) { minutes(id: $id) { status version versions { number body sha256 published } } }`, { id: model.id }, { token: world.secretary });
    const minutes = res.data.minutes;
    expect(minutes.status).toBe(model.status);
    expect(minutes.versions.map((v: any) => v.number)).toEqual(Array.from({ length: model.versions }, (_, i) => i + 1));
    for (const [number, text] of model.published) {
      const version = minutes.versions.find((v: any) => v.number === number);
      expect({ number, body: version.body, sha256: version.sha256, published: version.published }).toEqual({ number, ...text, published: true });
    }
  }
  const years = await gql(system.gatewayUrl, `query($c: ID) { council(id: $c) { minutes(first: 100) { edges { node { number year } } } } }`, { c: world.councilId }, { token: world.secretary });
  const byYear = new Map<number, number[]>();
  for (const { node } of years.data.council.minutes.edges) byYear.set(node.year, [...(byYear.get(node.year) ?? []), node.number]);
  for (const numbers of byYear.values()) {
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  }
}

describe("minutes operations (property)", () => {
  it("keep published versions intact, version numbers consecutive, and numbering gapless", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        run++;
        const slots: (Model | null)[] = [null, null];
        const meetingsOf = [await world.heldMeeting(), await world.heldMeeting()];
        let text = 0;
        for (const { kind, slot } of ops) {
          const model = slots[slot];
          const body = `Ata ${run}.${text++}: reunião com deliberações sobre as praças.`;
          if (kind === "draft") {
            if (model) continue; // one set of minutes per meeting; drafting again is tested elsewhere
            const d = await world.draft(meetingsOf[slot].id, body);
            slots[slot] = { id: d.id, version: d.version, status: "DRAFT", versions: 1, published: new Map() };
            continue;
          }
          if (!model) continue;
          if (kind === "approve") {
            if (model.status !== "DRAFT") continue;
            model.version = (await world.approve(model.id, model.version)).version;
            model.status = "APPROVED";
            continue;
          }
          const input: Record<string, unknown> = { minutesId: model.id, expectedVersion: model.version };
          const document = kind === "revise" ? M.revise : kind === "publish" ? M.publish : M.amend;
          if (kind === "revise") input.body = body;
          if (kind === "publish") Object.assign(input, { gazetteEdition: 6200, gazetteDate: date(0) });
          if (kind === "amend") Object.assign(input, { body, reason: "correção" });
          const res = await gql(system.gatewayUrl, document, { i: input }, { token: world.secretary });
          const legal = { revise: model.status === "DRAFT", publish: model.status === "APPROVED", amend: model.status === "PUBLISHED" }[kind];
          if (!legal) {
            const expected = model.status === "PUBLISHED" && kind !== "amend" ? "RECORD_IMMUTABLE" : "CONFLICT";
            expect(codesOf(res)).toEqual([expected]);
            continue;
          }
          expect(res.errors).toBeUndefined();
          model.version = Object.values(res.data as Record<string, { minutes: { version: number } }>)[0].minutes.version;
          if (kind === "revise") model.versions++;
          if (kind === "amend") model.versions++;
          if (kind === "publish") model.status = "PUBLISHED";
          if (kind === "publish" || kind === "amend") {
            const read = await gql(system.gatewayUrl, `query($id: ID!) { minutes(id: $id) { versions { number body sha256 } } }`, { id: model.id });
            const latest = read.data.minutes.versions.at(-1);
            model.published.set(latest.number, { body: latest.body, sha256: latest.sha256 });
          }
        }
        await check(slots.filter((m): m is Model => m !== null));
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 240_000);
});
