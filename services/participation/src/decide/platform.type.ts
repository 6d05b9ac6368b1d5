import { DateScalar, Source } from "@contagem/schema";
import { Field, ObjectType } from "type-graphql";

@ObjectType("ParticipationPlatform", {
  description: "Contagem's digital participation platform, Decide Contagem, as the public record states it (not kept in a table: it is the record).",
})
export class ParticipationPlatform {
  @Field({ description: "Its name, \"Decide Contagem\"." })
  name: string;

  @Field({ description: 'The software it runs, e.g. "Decidim".' })
  software: string;

  @Field({ description: "Its address (absolute URL)." })
  url: string;

  @Field(() => DateScalar, { nullable: true, description: "When it was launched (YYYY-MM-DD); null when the record does not say." })
  launchedOn: string | null;

  @Field(() => [String], { description: "What the record states about it." })
  facts: string[];

  @Field(() => [String], { description: "Other uses of the platform the record names (seminars, itinerant ombudsman, council choices)." })
  otherUses: string[];

  @Field(() => [Source], { description: "The public pages this record was taken from, each with its URL and the date it was read." })
  sources: Source[];
}
