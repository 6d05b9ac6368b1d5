import {
  auditRead,
  badInput,
  findPage,
  forbidden,
  foldForSearch,
  PageArgs,
  parseId,
  unauthenticated,
  type RequestContext,
} from "@contagem/schema";
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { JSONResolver } from "graphql-scalars";
import { Arg, Args, Ctx, Directive, Field, ID, Info, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { collectMyData, personalData } from "./my-data";
import { ParticipantEntity } from "./participant.entity";
import { CorrectMyDataInput, EraseMeInput, RegisterParticipantInput } from "./participant.inputs";
import { canReadPersonalData } from "./participant.policy";
import { correctMyData, eraseMe, findMe, registerParticipant } from "./participant.service";
import { MyParticipation, PersonalData, PersonalDataConnection } from "./participant.type";

@ObjectType({ description: "The result of a write on your participant record." })
export class ParticipantPayload {
  @Field(() => PersonalData, { description: "Your data as it now stands." })
  personalData: PersonalData;
}

@ObjectType({ description: "The result of `eraseMe`." })
export class EraseMePayload {
  @Field({ description: "When your data was erased. Your civic records remain, as an anonymous participant." })
  erasedAt: Date;
}

/** The personal-data fields a STAFF query selected: they are what the audit entry says was read. */
function selectedFields(info: GraphQLResolveInfo, path: string[]): string[] {
  let selections: SelectionSetNode | undefined = info.fieldNodes[0].selectionSet;
  for (const step of path) {
    const next = selections?.selections.find((s): s is FieldNode => s.kind === "Field" && s.name.value === step);
    selections = next?.selectionSet;
  }
  return (selections?.selections ?? []).filter((s): s is FieldNode => s.kind === "Field").map((s) => s.name.value).filter((n) => n !== "__typename");
}

function requireStaff(ctx: RequestContext, purpose: string): string {
  if (!ctx.viewer) throw unauthenticated();
  if (!canReadPersonalData(ctx.viewer)) throw forbidden("Only STAFF or ADMIN may read personal data, and each read is audited.");
  const why = purpose.trim();
  if (why.length < 10) throw badInput("purpose", "State why you read this person's data (at least 10 characters).");
  return why;
}

const WRITERS = '@requiresScopes(scopes: [["CITIZEN"]])';

@Resolver()
export class ParticipantResolver {
  @Query(() => MyParticipation, { nullable: true, description: "Everything held about you (CITIZEN); null until you register." })
  @Directive("@authenticated")
  async me(@Ctx() ctx: RequestContext) {
    if (!ctx.viewer) throw unauthenticated();
    const me = await findMe(ctx.em, ctx);
    return me ? collectMyData(ctx.em, me) : null;
  }

  @Query(() => JSONResolver, { nullable: true, description: "Your data and activity as one JSON document (LGPD portability); null until you register." })
  @Directive("@authenticated")
  async exportMyData(@Ctx() ctx: RequestContext) {
    if (!ctx.viewer) throw unauthenticated();
    const me = await findMe(ctx.em, ctx);
    if (!me) return null;
    return {
      exportedAt: new Date().toISOString(),
      controller: "Prefeitura Municipal de Contagem — Sistema Municipal de Participação Popular e Cidadã",
      note: "The CPF is not stored: only a keyed hash (to keep one registration per person) and its last three digits.",
      ...JSON.parse(JSON.stringify(await collectMyData(ctx.em, me))),
    };
  }

  @Query(() => PersonalData, { nullable: true, description: "A participant's personal data (STAFF/ADMIN); every read is audited with its purpose." })
  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  async participant(
    @Arg("id", () => ID, { description: "The participant's id; unknown: null." }) id: string,
    @Arg("purpose", { description: "Why you read it; recorded in the audit trail." }) purpose: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const why = requireStaff(ctx, purpose);
    const found = await ctx.em.findOne(ParticipantEntity, { id: parseId(id) });
    if (!found) return null;
    await auditRead(ctx, { action: "participant.read", entityType: "Participant", entityId: found.id, details: { fields: selectedFields(info, []), purpose: why } });
    return personalData(found);
  }

  @Query(() => PersonalDataConnection, { nullable: true, description: "Participants' personal data (STAFF/ADMIN), each read audited with its purpose." })
  @Directive('@requiresScopes(scopes: [["STAFF"], ["ADMIN"]])')
  async participants(
    @Args() page: PageArgs,
    @Arg("purpose", { description: "Why you read them, at least 10 characters (else BAD_USER_INPUT); recorded in the audit trail with each read." }) purpose: string,
    @Arg("search", () => String, { nullable: true, description: "Part of the name or e-mail." }) search: string | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const why = requireStaff(ctx, purpose);
    const where = search ? { $or: [{ fullName: { $ilike: `%${search}%` } }, { email: { $ilike: `%${foldForSearch(search)}%` } }] } : {};
    const result = await findPage(ctx.em, ParticipantEntity, where, page);
    const fields = selectedFields(info, ["edges", "node"]);
    for (const edge of result.edges) {
      await auditRead(ctx, { action: "participant.read", entityType: "Participant", entityId: edge.node.id, details: { fields, purpose: why } });
    }
    return new PersonalDataConnection({ ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: personalData(e.node) })) });
  }

  @Directive(WRITERS)
  @Mutation(() => ParticipantPayload, { description: "Registers you (CITIZEN) as a participant." })
  async registerParticipant(@Arg("input") input: RegisterParticipantInput, @Ctx() ctx: RequestContext) {
    return { personalData: personalData(await registerParticipant(ctx, input)) };
  }

  @Directive(WRITERS)
  @Mutation(() => ParticipantPayload, { description: "Corrects your own data (CITIZEN)." })
  async correctMyData(@Arg("input") input: CorrectMyDataInput, @Ctx() ctx: RequestContext) {
    return { personalData: personalData(await correctMyData(ctx, input)) };
  }

  @Directive(WRITERS)
  @Mutation(() => EraseMePayload, { description: "Erases your personal data irreversibly (CITIZEN); civic records stay, anonymous." })
  async eraseMe(@Arg("input") input: EraseMeInput, @Ctx() ctx: RequestContext) {
    return { erasedAt: (await eraseMe(ctx, input)).erasedAt! };
  }
}
