import { buildFederatedSchema, tryParseId, type FederatedSchema, type RequestContext } from "@contagem/schema";
import { AuditResolver } from "./audit/audit.resolver";
import { MandateResolver, SeatResolver, SeatRuleResolver, TermResolver } from "./composition/composition.resolver";
import { CouncilResolver } from "./councils/council.resolver";
import { LegalActResolver } from "./legal-acts/legal-act.resolver";
import { councilById, councilBySlug, mandateById, personById, termById, territoryById } from "./loaders";
import { OrganizationResolver, PublicPersonResolver } from "./people/people.resolver";
import { TerritoryResolver } from "./territories/territory.resolver";

type Reference = { id?: string; slug?: string };

/** Entities other subgraphs reference resolve through the same per-request loaders as every other path. */
const byIdReference =
  (factory: typeof councilById | typeof territoryById | typeof mandateById | typeof personById | typeof termById) =>
  (ref: Reference, ctx: RequestContext) => {
    const id = ref.id == null ? null : tryParseId(ref.id);
    return id === null ? null : ctx.loaders.get(factory as typeof councilById).load(id);
  };

export function buildCouncilsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CouncilResolver,
        TerritoryResolver,
        TermResolver,
        SeatResolver,
        SeatRuleResolver,
        MandateResolver,
        PublicPersonResolver,
        OrganizationResolver,
        LegalActResolver,
        AuditResolver,
      ],
      validate: false,
    },
    {
      Council: {
        __resolveReference: (ref: Reference, ctx: RequestContext) =>
          ref.id != null ? byIdReference(councilById)(ref, ctx) : ctx.loaders.get(councilBySlug).load(ref.slug ?? ""),
      },
      Territory: { __resolveReference: byIdReference(territoryById) },
      Mandate: { __resolveReference: byIdReference(mandateById) },
      Term: { __resolveReference: byIdReference(termById) },
      PublicPerson: { __resolveReference: byIdReference(personById) },
    } as never,
  );
}
