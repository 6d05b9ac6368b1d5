import { PhaseKind, ProcessKind, ProcessStatus } from "../processes/process.enums";
import { ProposalStatus } from "../proposals/proposal.enums";
import { phaseKindOf, phasesOf, processKindOf, processStatusOf, projectStatusOf, proposalStatusOf } from "./mapping";
import { contagemSnapshot } from "./decidim.fixtures";

/** How Decidim's records read in this graph's terms (issue 17): each choice on its own. */
describe("Decidim mapping", () => {
  it("reads a process's status from its dates in Contagem's civil time", () => {
    const steps = [{ externalId: "1", title: "Etapa", description: "", position: 0, startDate: null, endDate: null, active: false }];
    expect(processStatusOf({ startDate: "2026-01-01", endDate: "2026-11-29", steps }, "2026-11-30")).toBe(ProcessStatus.CLOSED);
    expect(processStatusOf({ startDate: "2026-01-01", endDate: "2026-11-30", steps }, "2026-11-30")).toBe(ProcessStatus.OPEN);
    expect(processStatusOf({ startDate: "2026-12-01", endDate: null, steps }, "2026-11-30")).toBe(ProcessStatus.PLANNED);
    expect(processStatusOf({ startDate: null, endDate: null, steps: [{ ...steps[0], active: true }] }, "2026-11-30")).toBe(ProcessStatus.OPEN);
    expect(processStatusOf({ startDate: null, endDate: null, steps }, "2026-11-30")).toBe(ProcessStatus.NOT_STATED);
  });

  it("reads a step's kind from its Portuguese title, and its dates as whole civil days", () => {
    expect(["Envio de propostas", "Apoios às propostas", "Votação", "Análise técnica", "Devolutiva dos resultados", "Apresentação"].map((title) => phaseKindOf({ title })))
      .toEqual([PhaseKind.PROPOSALS, PhaseKind.SUPPORTS, PhaseKind.VOTING, PhaseKind.DELIBERATION, PhaseKind.RESULTS, PhaseKind.INFORMATION]);
    const [ogp] = contagemSnapshot().processes;
    const phases = phasesOf({ ...ogp, steps: [...ogp.steps].reverse() });
    expect(phases.map((p) => [p.position, p.title])).toEqual([[1, "Apresentação"], [2, "Votação dos compromissos"], [3, "Resultados"]]);
    expect(phases[0]).toMatchObject({ startsAt: new Date("2022-05-02T03:00:00Z"), endsAt: new Date("2022-05-16T03:00:00Z") });
  });

  it("maps proposal states and projects", () => {
    expect((["not_answered", "evaluating", "accepted", "rejected"] as const).map(proposalStatusOf)).toEqual([
      ProposalStatus.PUBLISHED, ProposalStatus.PUBLISHED, ProposalStatus.SELECTED, ProposalStatus.NOT_SELECTED,
    ]);
    expect(projectStatusOf({ selected: true }, ProcessStatus.OPEN)).toBe(ProposalStatus.SELECTED);
    expect(projectStatusOf({ selected: false }, ProcessStatus.OPEN)).toBe(ProposalStatus.PUBLISHED);
    expect(projectStatusOf({ selected: false }, ProcessStatus.CLOSED)).toBe(ProposalStatus.NOT_SELECTED);
    expect(projectStatusOf({ selected: null }, ProcessStatus.CLOSED)).toBe(ProposalStatus.PUBLISHED);
    expect([processKindOf(true), processKindOf(false)]).toEqual([ProcessKind.PRIORITISATION_VOTE, ProcessKind.PUBLIC_CONSULTATION]);
  });

  it("keeps a step's days in the years the graph holds: a year before 100 as written, the last day 9999-12-31 with no end", () => {
    const [ogp] = contagemSnapshot().processes;
    const step = (startDate: string, endDate: string) => ({ ...ogp.steps[0], position: 0, startDate, endDate });
    const [early] = phasesOf({ ...ogp, steps: [step("0050-03-01", "0050-03-01")] });
    expect(early.startsAt.getUTCFullYear()).toBe(50);
    expect(early.endsAt!.getUTCFullYear()).toBe(50);
    expect(early.endsAt!.getUTCDate()).toBe(2);
    const [last] = phasesOf({ ...ogp, steps: [step("9999-12-01", "9999-12-31")] });
    expect(last.endsAt).toBeNull();
  });
});
