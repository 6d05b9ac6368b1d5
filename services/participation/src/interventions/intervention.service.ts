import { askFact, badInput, conflict, COUNCIL, DELIBERATION, findOrBadInput, loadForWrite, optionalFact, parseId, replaceSources, requireFact, requireSameCouncil, sourcesInput, TERRITORY, write, type DeliberationFacts, type RequestContext, checkPlace } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { canManageParticipation, canUpdateIntervention, updatesInterventions } from "../participants/participant.policy";
import { ProcessEntity } from "../processes/process.entity";
import { STAFF_ONLY } from "../processes/process.service";
import { InterventionEntity, MilestoneEntity } from "./intervention.entity";
import { InterventionStatus } from "./intervention.enums";
import type { CreateInterventionInput, MilestoneInput, UpdateInterventionInput } from "./intervention.inputs";

function checkCost(value: number, field = "estimatedCost"): string {
  if (!Number.isFinite(value) || value < 0 || value > 1e11) throw badInput(field, `"${field}" must be a cost in reais, 0 to 100,000,000,000.`);
  return value.toFixed(2);
}

async function replaceMilestones(em: EntityManager, intervention: InterventionEntity, milestones: MilestoneInput[]) {
  await em.nativeDelete(MilestoneEntity, { intervention });
  milestones.forEach((m, i) => {
    const title = m.title.trim();
    if (title.length < 3) throw badInput(`milestones[${i}].title`, "A milestone needs a title.");
    em.create(MilestoneEntity, { intervention, position: i + 1, title, dueOn: m.dueOn ?? null, doneOn: m.doneOn ?? null });
  });
}

/** Works are decided by an approved deliberation of the council that chose them. */
function decidedBy(councilId: number, deliberation: DeliberationFacts | null | undefined): number | null {
  if (!deliberation) return null;
  requireSameCouncil("deliberationId", councilId, deliberation.councilId);
  if (deliberation.outcome !== "APPROVED") throw conflict(`The deliberation was ${deliberation.outcome}: only an approved one decides works.`);
  return deliberation.id;
}

export function createIntervention(ctx: RequestContext, input: CreateInterventionInput): Promise<InterventionEntity> {
  return write(ctx, {
    action: "intervention.create",
    entityType: "Intervention",
    entity: InterventionEntity,
    input,
    prepare: async () => {
      const [council, territory, deliberation] = await Promise.all([
        requireFact(ctx, COUNCIL, input.councilId, "councilId"),
        optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
        optionalFact(ctx, DELIBERATION, input.deliberationId, "deliberationId"),
      ]);
      return { council, territory, deliberation };
    },
    locate: async (_em, { council }) => ({ council }),
    gate: (viewer) => canManageParticipation(viewer),
    allow: (viewer) => canManageParticipation(viewer),
    denied: STAFF_ONLY,
    run: async (em, _located, { council, territory, deliberation }) => {
      if (council.kind !== "REGIONAL") throw badInput("councilId", "Works are chosen by regional councils.");
      if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput("year", '"year" is not a budget year.');
      const title = input.title.trim();
      if (title.length < 3) throw badInput("title", "The works need a title.");
      const process = input.processId == null ? null : await findOrBadInput(em, ProcessEntity, input.processId, "processId");
      requireSameCouncil("processId", council.id, process?.councilId);
      const intervention = em.create(InterventionEntity, {
        councilId: council.id,
        territoryId: territory?.id ?? null,
        process,
        deliberationId: decidedBy(council.id, deliberation),
        title,
        description: input.description?.trim() || null,
        estimatedCost: checkCost(input.estimatedCost),
        year: input.year,
        status: InterventionStatus.PLANNED,
        progress: 0,
        sources: sourcesInput(input.sources) ?? [],
        location: input.location ? checkPlace(input.location, "location", ctx.settings) : null,
      });
      await replaceMilestones(em, intervention, input.milestones ?? []);
      return intervention;
    },
  });
}

export function updateIntervention(ctx: RequestContext, input: UpdateInterventionInput): Promise<InterventionEntity> {
  return write(ctx, {
    action: "intervention.update",
    entityType: "Intervention",
    entity: InterventionEntity,
    input,
    prepare: async () => {
      const current = await ctx.em.fork().findOne(InterventionEntity, { id: parseId(input.id, "id") }, { fields: ["councilId"] });
      const [council, deliberation] = await Promise.all([
        current ? askFact(ctx, COUNCIL, current.councilId) : null,
        optionalFact(ctx, DELIBERATION, input.deliberationId, "deliberationId"),
      ]);
      return { council, deliberation };
    },
    gate: (viewer) => updatesInterventions(viewer),
    locate: async (em, { council }) => ({
      record: await loadForWrite(em, InterventionEntity, input.id, "Intervention"),
      council,
    }),
    allow: (viewer, { council }) => canUpdateIntervention(viewer, council),
    denied: "Only STAFF, ADMIN or the secretary of the regional council that chose these works may update them.",
    run: async (em, { record }, { deliberation }) => {
      const intervention = record!;
      if (input.progress != null) {
        if (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100) throw badInput("progress", '"progress" is 0 to 100.');
        intervention.progress = input.progress;
      }
      if (input.status != null) intervention.status = input.status;
      if (input.status === InterventionStatus.COMPLETED) intervention.progress = 100;
      if (input.estimatedCost != null) intervention.estimatedCost = checkCost(input.estimatedCost);
      if (input.description !== undefined) intervention.description = input.description?.trim() || null;
      replaceSources(intervention, input.sources);
      if (input.location) intervention.location = checkPlace(input.location, "location", ctx.settings);
      if (deliberation) intervention.deliberationId = decidedBy(intervention.councilId, deliberation);
      if (input.milestones) await replaceMilestones(em, intervention, input.milestones);
      return intervention;
    },
  });
}
