import { badInput, findOrBadInput, loadForWrite, replaceSources, sourcesInput, write, type RequestContext } from "@contagem/schema";
import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { LegalActEntity } from "../legal-acts/legal-act.entity";
import { TerritoryEntity } from "../territories/territory.entity";
import { CouncilEntity, CouncilRulesEmbeddable } from "./council.entity";
import { CouncilKind, CouncilStatus } from "./council.enums";
import type { CouncilRulesInput, CreateCouncilInput, UpdateCouncilInput } from "./council.inputs";
import { canManageCouncils } from "./council.policy";
import { checkAcronym, checkName, checkPolicyArea, checkRules, checkSlug } from "./council.validation";

export function createCouncil(ctx: RequestContext, input: CreateCouncilInput): Promise<CouncilEntity> {
  return write(ctx, {
    action: "council.create",
    entityType: "Council",
    entity: CouncilEntity,
    input,
    gate: (viewer) => canManageCouncils(viewer),
    allow: (viewer) => canManageCouncils(viewer),
    denied: "Only ADMIN may create councils.",
    run: async (em) => {
      const name = checkName(input.name);
      const acronym = checkAcronym(input.acronym);
      const slug = checkSlug(input.slug, acronym, name);
      await ensureSlugFree(em, slug);
      const council = em.create(CouncilEntity, {
        slug,
        acronym,
        name,
        kind: input.kind,
        policyArea: checkPolicyArea(input.policyArea),
        nature: input.nature ?? [],
        status: input.status ?? CouncilStatus.ACTIVE,
        notes: input.notes ?? null,
        searchText: "",
        rules: toRules(input.rules),
        sources: sourcesInput(input.sources) ?? [],
      });
      await assignRelations(em, council, input);
      checkRegionalHasTerritory(council);
      return council;
    },
  });
}

export function updateCouncil(ctx: RequestContext, input: UpdateCouncilInput): Promise<CouncilEntity> {
  return write(ctx, {
    action: "council.update",
    entityType: "Council",
    entity: CouncilEntity,
    input,
    locate: async (em) => {
      const record = await loadForWrite(em, CouncilEntity, input.id, "Council");
      return { record, council: record };
    },
    gate: (viewer) => canManageCouncils(viewer),
    allow: (viewer) => canManageCouncils(viewer),
    denied: "Only ADMIN may change councils.",
    run: async (em, { record: council }) => {
      if (input.slug != null && input.slug !== council!.slug) {
        const slug = checkSlug(input.slug, null, council!.name);
        await ensureSlugFree(em, slug);
        council!.slug = slug;
      }
      await assignRelations(em, council!, input);
      if (input.name != null) council!.name = checkName(input.name);
      if (input.acronym !== undefined) council!.acronym = checkAcronym(input.acronym);
      if (input.kind != null) council!.kind = input.kind;
      if (input.policyArea !== undefined) council!.policyArea = checkPolicyArea(input.policyArea);
      if (input.nature != null) council!.nature = input.nature;
      if (input.status != null) council!.status = input.status;
      if (input.notes !== undefined) council!.notes = input.notes;
      if (input.rules != null) council!.rules = toRules({ ...council!.rules, ...input.rules });
      replaceSources(council!, input.sources);
      checkRegionalHasTerritory(council!);
      return council!;
    },
  });
}

function toRules(input: CouncilRulesInput = {}): CouncilRulesEmbeddable {
  return Object.assign(new CouncilRulesEmbeddable(), checkRules(input));
}

async function assignRelations(
  em: EntityManager,
  council: CouncilEntity,
  input: { territoryId?: string | null; legalBasisId?: string | null },
): Promise<void> {
  if (input.territoryId !== undefined) {
    council.territory =
      input.territoryId === null ? null : ref(await findOrBadInput(em, TerritoryEntity, input.territoryId, "territoryId"));
  }
  if (input.legalBasisId !== undefined) {
    council.legalBasis =
      input.legalBasisId === null ? null : ref(await findOrBadInput(em, LegalActEntity, input.legalBasisId, "legalBasisId"));
  }
}

async function ensureSlugFree(em: EntityManager, slug: string): Promise<void> {
  const taken = await em.count(CouncilEntity, { slug });
  if (taken > 0) throw badInput("slug", `Slug "${slug}" is already used by another council.`);
}

function checkRegionalHasTerritory(council: CouncilEntity): void {
  if (council.kind === CouncilKind.REGIONAL && !council.territory) {
    throw badInput("territoryId", "A regional council needs the territory (region) it serves.");
  }
}
