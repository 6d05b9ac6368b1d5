import { earlierFacts as facts } from "@contagem/record";
import type { EntityManager } from "@mikro-orm/postgresql";
import { PhaseEntity, ProcessEntity } from "../processes/process.entity";
import { PhaseKind, ProcessKind, ProcessStatus } from "../processes/process.enums";
import { ProposalEntity } from "../proposals/proposal.entity";

export const OGP_TITLE = "Priorização dos compromissos do Plano de Ação OGP Local 2022-2024";

/**
 * The default seed: the 2022 OGP Local prioritisation vote on Decide Contagem, a real historical process with its
 * five commitments as options. No counts are invented: the results are not on record here. Idempotent.
 */
export async function seedParticipation(em: EntityManager): Promise<{ processes: number }> {
  return em.transactional(async (tx) => {
    if (await tx.count(ProcessEntity, { title: OGP_TITLE })) return { processes: 0 };
    const vote = facts.ogpLocal.prioritisationVote;
    const process = tx.create(ProcessEntity, {
      kind: ProcessKind.PRIORITISATION_VOTE,
      title: OGP_TITLE,
      description:
        `Votação na plataforma ${vote.platform} para priorizar os compromissos do Plano de Ação ${facts.ogpLocal.actionPlan} ` +
        "da Parceria para Governo Aberto (OGP Local), à qual Contagem aderiu em maio de 2022. " +
        "Os resultados da votação não estão registrados neste sistema.",
      status: ProcessStatus.CLOSED,
      maxChoices: 3,
      minimumAge: 16,
      rulesText: "Cada cidadão escolhe três dos cinco compromissos.",
    });
    tx.create(PhaseEntity, { process, position: 1, kind: PhaseKind.VOTING, title: "Votação", startsAt: new Date(`${vote.opened}T00:00:00-03:00`), endsAt: null });
    for (const commitment of facts.ogpLocal.commitments) {
      tx.create(ProposalEntity, { process, author: null, title: commitment, body: `Compromisso do Plano de Ação OGP Local: ${commitment}.` });
    }
    await tx.flush();
    return { processes: 1 };
  });
}
