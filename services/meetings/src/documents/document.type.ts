import { NodeType, Source, InheritedSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DocumentKind } from "./document.enums";

@ObjectType("Document", {
  description:
    "A file a record carries (agenda, convocation notice, signed minutes, resolution text, annex), served at `url`. " +
    "A document is visible exactly when its record is: a draft minutes version's documents only to that council's draft readers.",
})
@Directive('@key(fields: "id")')
export class Document extends NodeType {
  @Field({ description: "Title as the council names it." })
  title: string;

  @Field(() => DocumentKind, { description: "What the document is to its record." })
  kind: DocumentKind;

  @Field({ description: "Media type, as read from the content (not the name), e.g. `application/pdf`." })
  mediaType: string;

  @Field(() => Int, { description: "Size in bytes (at most the upload limit, 20 MiB by default)." })
  byteSize: number;

  @Field({ description: "SHA-256 (hex) of the bytes: the download's ETag; anyone can check the file is the one published." })
  sha256: string;

  @Field({ description: "File name for downloads, e.g. `ata-006-2026.pdf`." })
  filename: string;

  @InheritedSources("the record carrying it (its meeting, its resolution, or the minutes of its minutes version)")
  sources: Source[];
}
