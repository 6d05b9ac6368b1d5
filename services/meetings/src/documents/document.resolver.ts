import { parentSources, type RequestContext } from "@contagem/schema";
import { Arg, Ctx, Directive, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { documentsByMeeting, documentsByMinutesVersion, documentsByResolution, meetingById, minutesById, minutesVersionById, resolutionById } from "../loaders";
import type { MeetingEntity } from "../meetings/meeting.entity";
import { Meeting } from "../meetings/meeting.type";
import type { MinutesVersionEntity } from "../minutes/minutes.entity";
import { MinutesVersion } from "../minutes/minutes.type";
import { visibleVersion } from "../minutes/minutes.visibility";
import type { ResolutionEntity } from "../resolutions/resolution.entity";
import { Resolution } from "../resolutions/resolution.type";
import { DocumentEntity } from "./document.entity";
import { AttachDocumentInput, WithdrawDocumentInput } from "./document.inputs";
import { documentPath } from "./document.routes";
import { attachDocument, withdrawDocument } from "./document.service";
import { Document } from "./document.type";
import { visibleDocuments } from "./document.visibility";

@ObjectType({ description: "The result of a write on a document." })
export class DocumentPayload {
  @Field(() => Document, { description: "The document as it now stands." })
  document: DocumentEntity;
}

const WRITERS = '@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])';

@Resolver(() => Document)
export class DocumentResolver {
  @FieldResolver(() => String, {
    description:
      "Where to download it, relative to the API's origin: `/documents/{id}/{filename}`. Answers the bytes with `ETag` = the SHA-256, " +
      "immutable caching once public, `Content-Type` = `mediaType`; 404 when the viewer may not see the document.",
  })
  url(@Root() document: DocumentEntity) {
    return documentPath(document);
  }

  @FieldResolver()
  async sources(@Root() document: DocumentEntity, @Ctx() ctx: RequestContext) {
    if (document.meeting) return parentSources(ctx, meetingById, document.meeting.id);
    if (document.resolution) return parentSources(ctx, resolutionById, document.resolution.id);
    if (!document.minutesVersion) return [];
    const version = await ctx.loaders.get(minutesVersionById).load(document.minutesVersion.id);
    return parentSources(ctx, minutesById, version?.minutes.id);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting that carries it; null when another record does." })
  meeting(@Root() document: DocumentEntity, @Ctx() ctx: RequestContext) {
    return document.meeting ? ctx.loaders.get(meetingById).load(document.meeting.id) : null;
  }

  @FieldResolver(() => MinutesVersion, { nullable: true, description: "The minutes version that carries it; null when another record does." })
  minutesVersion(@Root() document: DocumentEntity, @Ctx() ctx: RequestContext) {
    return document.minutesVersion ? visibleVersion(ctx, document.minutesVersion.id) : null;
  }

  @FieldResolver(() => Resolution, { nullable: true, description: "The resolution that carries it; null when another record does." })
  resolution(@Root() document: DocumentEntity, @Ctx() ctx: RequestContext) {
    return document.resolution ? ctx.loaders.get(resolutionById).load(document.resolution.id) : null;
  }

  @Directive(WRITERS)
  @Mutation(() => DocumentPayload, {
    description:
      "Attaches an uploaded file to a meeting, a draft minutes version or a resolution of the actor's council (SECRETARY of it, or ADMIN; " +
      "another council's: FORBIDDEN). A published minutes version: RECORD_IMMUTABLE. Meetings and resolutions are public records: " +
      "what they carry is published at once, and is corrected by attaching a new document.",
  })
  async attachDocument(@Arg("input") input: AttachDocumentInput, @Ctx() ctx: RequestContext) {
    return { document: await attachDocument(ctx, input) };
  }

  @Directive(WRITERS)
  @Mutation(() => DocumentPayload, {
    description: "Withdraws a document from a draft minutes version; of a published record (any meeting or resolution, a published version): RECORD_IMMUTABLE.",
  })
  async withdrawDocument(@Arg("input") input: WithdrawDocumentInput, @Ctx() ctx: RequestContext) {
    return { document: await withdrawDocument(ctx, input) };
  }
}

@Resolver(() => Meeting)
export class MeetingDocumentsResolver {
  @FieldResolver(() => [Document], { description: "Its documents (agenda, convocation notice, annexes), oldest first; at most 30." })
  async documents(@Root() meeting: MeetingEntity, @Ctx() ctx: RequestContext) {
    return visibleDocuments(ctx, await ctx.loaders.get(documentsByMeeting).load(meeting.id));
  }
}

@Resolver(() => MinutesVersion)
export class MinutesVersionDocumentsResolver {
  @FieldResolver(() => [Document], { description: "Its documents (the signed ata as published), oldest first; visible as the version is." })
  async documents(@Root() version: MinutesVersionEntity, @Ctx() ctx: RequestContext) {
    return visibleDocuments(ctx, await ctx.loaders.get(documentsByMinutesVersion).load(version.id));
  }
}

@Resolver(() => Resolution)
export class ResolutionDocumentsResolver {
  @FieldResolver(() => [Document], { description: "Its documents (the text as published, annexes), oldest first; at most 30." })
  async documents(@Root() resolution: ResolutionEntity, @Ctx() ctx: RequestContext) {
    return visibleDocuments(ctx, await ctx.loaders.get(documentsByResolution).load(resolution.id));
  }
}
