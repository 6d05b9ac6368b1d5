import { BaseEntity } from "@contagem/schema";
import { MandateEntity } from "./composition/mandate.entity";
import { SeatRuleEntity } from "./composition/seat-rule.entity";
import { SeatEntity } from "./composition/seat.entity";
import { TermEntity } from "./composition/term.entity";
import { CouncilEntity, CouncilRulesEmbeddable } from "./councils/council.entity";
import { CouncilLegalActEntity } from "./legal-acts/council-legal-act.entity";
import { LegalActEntity } from "./legal-acts/legal-act.entity";
import { OrganizationEntity } from "./people/organization.entity";
import { PublicPersonEntity } from "./people/public-person.entity";
import { TerritoryEntity } from "./territories/territory.entity";
import { WebhookSubscriptionEntity } from "./webhooks/webhook-subscription.entity";

export const entities = [
  BaseEntity,
  TerritoryEntity,
  LegalActEntity,
  CouncilRulesEmbeddable,
  CouncilEntity,
  CouncilLegalActEntity,
  OrganizationEntity,
  PublicPersonEntity,
  SeatRuleEntity,
  TermEntity,
  SeatEntity,
  MandateEntity,
  WebhookSubscriptionEntity,
];
