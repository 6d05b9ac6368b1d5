import { BaseEntity, PlaceEmbeddable } from "@contagem/schema";
import { AttendanceEntity } from "./attendance/attendance.entity";
import { DocumentEntity } from "./documents/document.entity";
import { DeliberationEntity, VoteEntity } from "./deliberations/deliberation.entity";
import { AgendaItemEntity, MeetingEntity } from "./meetings/meeting.entity";
import { MinutesEntity, MinutesVersionEntity } from "./minutes/minutes.entity";
import { ResolutionEntity } from "./resolutions/resolution.entity";

export const entities = [
  BaseEntity,
  PlaceEmbeddable,
  MeetingEntity,
  AgendaItemEntity,
  AttendanceEntity,
  DeliberationEntity,
  VoteEntity,
  MinutesEntity,
  MinutesVersionEntity,
  ResolutionEntity,
  DocumentEntity,
];
