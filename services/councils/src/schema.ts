import { buildFederatedSchema, referenceById, type FederatedSchema, type RequestContext } from "@contagem/schema";
import { AuditResolver } from "./audit/audit.resolver";
import { RemovalResolver } from "./removals/removal.resolver";
import { MandateResolver, SeatResolver, SeatRuleResolver, TermResolver } from "./composition/composition.resolver";
import { CouncilResolver } from "./councils/council.resolver";
import { LegalActResolver } from "./legal-acts/legal-act.resolver";
import {
  councilById,
  councilBySlug,
  legalActById,
  mandateById,
  organizationById,
  personById,
  seatById,
  seatRuleById,
  termById,
  territoryById,
} from "./loaders";
import { OrganizationResolver, PublicPersonResolver } from "./people/people.resolver";
import { TerritoryResolver } from "./territories/territory.resolver";
import { WebhookResolver } from "./webhooks/webhook.resolver";

type Reference = { id?: string; slug?: string };

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
        RemovalResolver,
        WebhookResolver,
      ],
      validate: false,
    },
    {
      Council: {
        __resolveReference: (ref: Reference, ctx: RequestContext) =>
          ref.id != null ? referenceById(councilById)(ref, ctx) : ctx.loaders.get(councilBySlug).load(ref.slug ?? ""),
      },
      Territory: { __resolveReference: referenceById(territoryById) },
      Mandate: { __resolveReference: referenceById(mandateById) },
      Term: { __resolveReference: referenceById(termById) },
      PublicPerson: { __resolveReference: referenceById(personById) },
      LegalAct: { __resolveReference: referenceById(legalActById) },
      Organization: { __resolveReference: referenceById(organizationById) },
      Seat: { __resolveReference: referenceById(seatById) },
      SeatRule: { __resolveReference: referenceById(seatRuleById) },
    } as never,
    { subgraph: "councils" },
  );
}
