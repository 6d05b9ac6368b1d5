import { TERRITORY, badInput, conflict, optionalFact, write, type RequestContext } from "@contagem/schema";
import { LockMode } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { ContributionEntity } from "../contributions/contribution.entity";
import { ContributionStatus } from "../contributions/contribution.enums";
import { ParticipantEntity } from "./participant.entity";
import type { CorrectMyDataInput, EraseMeInput, RegisterParticipantInput } from "./participant.inputs";
import { isCitizen } from "./participant.policy";
import { checkBirthDate, checkCpf, checkEmail, checkHandle, checkName, checkPhone, checkPublicProfile, givenNeighborhood } from "./participant.validation";

export const CITIZENS_ONLY = "Only a citizen, with their own CITIZEN token, may do this.";

const piiKey = (ctx: RequestContext) => {
  const key = ctx.settings.PII_KEY;
  if (!key) throw new Error("PII_KEY is not configured for the participation subgraph.");
  return key;
};

/** The participant the token's `sub` is linked to, if registered. */
export function findMe(em: EntityManager, ctx: RequestContext, lock = false): Promise<ParticipantEntity | null> {
  if (!ctx.viewer) return Promise.resolve(null);
  return em.findOne(ParticipantEntity, { subject: ctx.viewer.sub }, lock ? { refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE } : {});
}

/** The caller's participant, or CONFLICT telling them to register first. */
export async function requireMe(em: EntityManager, ctx: RequestContext, lock = false): Promise<ParticipantEntity> {
  const me = await findMe(em, ctx, lock);
  if (!me) throw conflict("Register as a participant first (registerParticipant).");
  return me;
}

async function ensureHandleFree(em: EntityManager, handle: string | null, except?: number): Promise<void> {
  if (!handle) return;
  if (await em.count(ParticipantEntity, { handle, ...(except ? { id: { $ne: except } } : {}) })) {
    throw conflict("That handle is taken: choose another.");
  }
}

async function ensureDocumentFree(em: EntityManager, hash: string | undefined, except?: number): Promise<void> {
  if (!hash) return;
  if (await em.count(ParticipantEntity, { documentHash: hash, ...(except ? { id: { $ne: except } } : {}) })) {
    throw conflict("This CPF is already registered to another participant.");
  }
}

export function registerParticipant(ctx: RequestContext, input: RegisterParticipantInput): Promise<ParticipantEntity> {
  return write(ctx, {
    action: "participant.register",
    entityType: "Participant",
    entity: ParticipantEntity,
    input,
    prepare: () => optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
    gate: (viewer) => isCitizen(viewer),
    allow: (viewer) => isCitizen(viewer),
    denied: CITIZENS_ONLY,
    run: async (em, _located, territory) => {
      if (await findMe(em, ctx)) throw conflict("You are already registered: correct your data with correctMyData.");
      const birthDate = checkBirthDate(input.birthDate);
      const cpf = checkCpf(input.cpf, piiKey(ctx));
      const handle = checkHandle(input.handle);
      await ensureHandleFree(em, handle);
      await ensureDocumentFree(em, cpf?.hash);
      return em.create(ParticipantEntity, {
        subject: ctx.viewer!.sub,
        fullName: checkName(input.fullName),
        email: checkEmail(input.email),
        phone: checkPhone(input.phone),
        documentHash: cpf?.hash ?? null,
        documentLastDigits: cpf?.lastDigits ?? null,
        birthDate,
        neighbourhood: givenNeighborhood(input) ?? null,
        territoryId: territory?.id ?? null,
        handle,
        profilePublic: checkPublicProfile(input.profilePublic, birthDate),
        channel: input.channel,
      });
    },
  });
}

export function correctMyData(ctx: RequestContext, input: CorrectMyDataInput): Promise<ParticipantEntity> {
  return write(ctx, {
    action: "participant.correct",
    entityType: "Participant",
    entity: ParticipantEntity,
    input,
    prepare: () => optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
    locate: async (em) => ({ record: await requireMe(em, ctx, true) }),
    gate: (viewer) => isCitizen(viewer),
    allow: (viewer) => isCitizen(viewer),
    denied: CITIZENS_ONLY,
    run: async (em, { record }, territory) => {
      const me = record!;
      if (input.fullName != null) me.fullName = checkName(input.fullName);
      if (input.email != null) me.email = checkEmail(input.email);
      if (input.phone !== undefined) me.phone = checkPhone(input.phone);
      if (input.birthDate != null) me.birthDate = checkBirthDate(input.birthDate);
      const neighborhood = givenNeighborhood(input);
      if (neighborhood !== undefined) me.neighbourhood = neighborhood;
      if (input.territoryId !== undefined) me.territoryId = territory?.id ?? null;
      if (input.cpf !== undefined) {
        const cpf = checkCpf(input.cpf, piiKey(ctx));
        await ensureDocumentFree(em, cpf?.hash, me.id);
        me.documentHash = cpf?.hash ?? null;
        me.documentLastDigits = cpf?.lastDigits ?? null;
      }
      if (input.handle !== undefined) {
        me.handle = checkHandle(input.handle);
        await ensureHandleFree(em, me.handle, me.id);
      }
      if (input.profilePublic != null) me.profilePublic = input.profilePublic;
      me.profilePublic = checkPublicProfile(me.profilePublic, me.birthDate);
      return me;
    },
  });
}

/**
 * Erases the person's data irreversibly: every personal field is emptied and the link to their login is cut.
 * Civic records stay — supports, ballots (counts), published contributions, authored proposals — as an anonymous
 * participant; unpublished contributions (never public, possibly personal) are deleted.
 */
export function eraseMe(ctx: RequestContext, input: EraseMeInput): Promise<ParticipantEntity> {
  return write(ctx, {
    action: "participant.erase",
    entityType: "Participant",
    entity: ParticipantEntity,
    input,
    locate: async (em) => ({ record: await requireMe(em, ctx, true) }),
    gate: (viewer) => isCitizen(viewer),
    allow: (viewer) => isCitizen(viewer),
    denied: CITIZENS_ONLY,
    run: async (em, { record }) => {
      if (input.confirm !== "ERASE") throw badInput("confirm", 'Type "ERASE" to confirm: the erasure cannot be undone.');
      const me = record!;
      const subject = me.subject!;
      Object.assign(me, {
        subject: null,
        fullName: null,
        email: null,
        phone: null,
        documentHash: null,
        documentLastDigits: null,
        birthDate: null,
        neighbourhood: null,
        handle: null,
        profilePublic: false,
        erasedAt: new Date(),
      });
      await em.nativeDelete(ContributionEntity, { participant: me, status: { $ne: ContributionStatus.PUBLISHED } });
      await em.execute(`delete from "${em.config.get("schema")}".idempotency_key where actor_sub = ?`, [subject]);
      return me;
    },
  });
}
