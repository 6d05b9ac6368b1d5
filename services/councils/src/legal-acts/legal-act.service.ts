import { badInput, loadForWrite, replaceSources, write, type RequestContext } from "@contagem/schema";
import { LegalActEntity } from "./legal-act.entity";
import type { RecordLegalActPublicationInput } from "./legal-act.inputs";
import { canRecordLegalActs } from "./legal-act.policy";

const PAGES = /^(\d{1,5})(?:-(\d{1,5}))?$/;

function checkPages(pages: string | null | undefined): string | null {
  const value = pages?.trim();
  if (!value) return null;
  const match = PAGES.exec(value);
  if (!match || Number(match[1]) < 1 || (match[2] !== undefined && Number(match[2]) < Number(match[1]))) {
    throw badInput("gazettePages", '"gazettePages" is a page or a range of pages, e.g. "14" or "14-16".');
  }
  return value;
}

export function recordLegalActPublication(ctx: RequestContext, input: RecordLegalActPublicationInput): Promise<LegalActEntity> {
  return write(ctx, {
    action: "legal-act.publication",
    entityType: "LegalAct",
    entity: LegalActEntity,
    input,
    gate: (viewer) => canRecordLegalActs(viewer),
    locate: async (em) => ({ record: await loadForWrite(em, LegalActEntity, input.legalActId, "LegalAct", "legalActId") }),
    allow: (viewer) => canRecordLegalActs(viewer),
    denied: "Only ADMIN may record official acts.",
    run: async (_em, { record }) => {
      const act = record!;
      if (!Number.isInteger(input.gazetteEdition) || input.gazetteEdition < 1) {
        throw badInput("gazetteEdition", '"gazetteEdition" must be a positive edition number.');
      }
      if (act.date && input.gazetteDate < act.date) {
        throw badInput("gazetteDate", `The gazette cannot publish the act before its date (${act.date}).`);
      }
      act.gazetteEdition = input.gazetteEdition;
      act.gazettePages = checkPages(input.gazettePages);
      act.gazetteDate = input.gazetteDate;
      replaceSources(act, input.sources);
      return act;
    },
  });
}
