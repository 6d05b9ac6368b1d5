import { record } from "@contagem/record";
import { findPage, PageArgs, pagesByParent, sourcesOf, type RequestContext } from "@contagem/schema";
import { AssemblyMeetingEntity } from "../decidim/assembly-meeting.entity";
import { AssemblyMeetingConnection } from "../decidim/decidim.type";
import { RecordSource, recordSource, SOURCE_DESCRIPTION } from "../decidim/source.type";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { CouncilRef, ref } from "../references/references.type";
import { assemblyCouncils, councilSlugsOf } from "../decidim/councils";
import { councilIdsBySlugLoader } from "../references/councils-by-slug";
import { AssemblyEntity } from "./assembly.entity";
import { Assembly, AssemblyConnection } from "./assembly.type";
import { ParticipationPlatform } from "./platform.type";

export const DECIDE_HOST = "https://decidim.contagem.mg.gov.br";

/** Decide Contagem as the record states it: the platform, and the other uses the record names. */
export function decideContagem(): ParticipationPlatform {
  const platform = record.decideContagem.find((item) => item.item === "platform")!;
  const others = record.decideContagem.filter((item) => item.item === "otherUses");
  return {
    name: platform.name!,
    software: platform.software as string,
    url: `https://${platform.host as string}`,
    launchedOn: (platform.launched as string | undefined) ?? null,
    facts: platform.facts ?? [],
    otherUses: others.flatMap((item) => item.facts ?? []),
    sources: sourcesOf([platform, ...others].flatMap((item) => item.sources.map((url) => ({ url })))),
  };
}

@Resolver(() => Assembly)
export class AssemblyResolver {
  @Query(() => ParticipationPlatform, {
    nullable: true,
    description: "Decide Contagem, the city's digital participation platform, as the public record states it.",
  })
  decideContagem(): ParticipationPlatform {
    return decideContagem();
  }

  @Query(() => AssemblyConnection, { nullable: true, description: "Decide Contagem's assemblies (participatory spaces), by name." })
  async assemblies(
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Arg("updatedSince", () => Date, { nullable: true, description: "Only assemblies changed at or after this time (incremental sync; ISO 8601 instant)." }) updatedSince?: Date,
  ) {
    const where = updatedSince ? { updatedAt: { $gte: updatedSince } } : {};
    return new AssemblyConnection(await findPage(ctx.em, AssemblyEntity, where, page, [{ field: "name", direction: "asc" }]));
  }

  @FieldResolver(() => String)
  url(@Root() assembly: AssemblyEntity): string {
    return `${DECIDE_HOST}/assemblies/${assembly.slug}`;
  }

  @FieldResolver(() => RecordSource, { description: SOURCE_DESCRIPTION + " A space of the public record is DECIDIM once the sync finds it there." })
  source(@Root() assembly: AssemblyEntity): RecordSource {
    return recordSource(assembly.importedFrom);
  }

  @FieldResolver(() => AssemblyMeetingConnection, {
    description: "Its meetings as Decide Contagem publishes them (imported, read-only), oldest first; `updatedSince` for incremental sync.",
  })
  async meetings(
    @Root() assembly: AssemblyEntity,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Arg("updatedSince", () => Date, { nullable: true, description: "Only meetings changed at or after this time (ISO 8601 instant)." }) updatedSince?: Date,
  ) {
    const filter = updatedSince ? { sql: "t.updated_at >= ?", params: [updatedSince] } : undefined;
    const loader = pagesByParent<AssemblyMeetingEntity>(ctx, "assembly.meetings", {
      entity: AssemblyMeetingEntity, parentColumn: "assembly_id", sort: [{ column: "starts_at", property: "startsAt" }], direction: "asc", filter,
    }, page);
    return new AssemblyMeetingConnection(await loader.load(assembly.id));
  }

  @FieldResolver(() => CouncilRef, {
    nullable: true,
    description:
      "The council whose space it is: where the record says so, else the council whose `decidimAssembly` it is (DECIDIM_ASSEMBLY_COUNCILS, " +
      "else by slug: `assemblies/regional-nacional` ↔ `conselho-regional-nacional`); null when none.",
  })
  async council(@Root() assembly: AssemblyEntity, @Ctx() ctx: RequestContext) {
    if (assembly.councilId != null) return ref(assembly.councilId);
    const loader = ctx.loaders.get(councilIdsBySlugLoader);
    const ids = await Promise.all(councilSlugsOf(assembly.slug, assemblyCouncils(ctx.settings)).map((slug) => loader.load(slug)));
    return ref(ids.find((id) => id !== null) ?? null);
  }
}
