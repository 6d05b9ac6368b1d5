/** The API's enum values as a secretary reads them (pt-BR). */
export const MEETING_TYPE: Record<string, string> = {
  ORDINARY: "Ordinária",
  EXTRAORDINARY: "Extraordinária",
  PUBLIC_HEARING: "Audiência pública",
  TERRITORIAL_PLENARY: "Plenária territorial",
  COMMISSION: "Comissão",
  INAUGURAL: "Inaugural (posse)",
  BOARD: "Mesa diretora",
  NOT_STATED: "Não informado",
};
export const MODALITY: Record<string, string> = { IN_PERSON: "Presencial", ONLINE: "On-line", HYBRID: "Híbrida", NOT_STATED: "Não informada" };
export const MEETING_STATUS: Record<string, string> = {
  SCHEDULED: "Agendada",
  CONVENED: "Convocada",
  HELD: "Realizada",
  CANCELLED: "Cancelada",
  POSTPONED: "Adiada",
};
export const AGENDA_KIND: Record<string, string> = {
  APPROVAL_OF_MINUTES: "Aprovação de ata",
  DELIBERATION: "Deliberação",
  INFORMATIVE: "Informe",
  PRESENTATION: "Apresentação",
  GENERAL_MATTERS: "Assuntos gerais",
  OTHER: "Outro",
};
export const SECTOR: Record<string, string> = {
  GOVERNMENT: "Poder público",
  CIVIL_SOCIETY: "Sociedade civil",
  USERS: "Usuários",
  WORKERS: "Trabalhadores",
  PROVIDERS: "Prestadores",
};
export const ATTENDANCE_STATUS: Record<string, string> = { PRESENT: "Presente", ABSENT: "Ausente", JUSTIFIED: "Ausência justificada", SUBSTITUTED: "Substituído(a) pelo suplente" };
export const OUTCOME: Record<string, string> = { APPROVED: "Aprovada", REJECTED: "Rejeitada", WITHDRAWN: "Retirada de pauta", POSTPONED: "Adiada" };
export const MANDATE_ROLE: Record<string, string> = { FULL_MEMBER: "Titular", ALTERNATE: "Suplente" };
export const QUORUM_RULE: Record<string, string> = {
  ABSOLUTE_MAJORITY: "maioria absoluta (metade + 1 dos assentos)",
  SIMPLE_MAJORITY_OF_MEMBERS: "metade dos assentos",
  TWO_THIRDS: "dois terços dos assentos",
  ONE_THIRD: "um terço dos assentos",
  ANY_PRESENT: "qualquer número de presentes",
};
export const BOARD_ROLE: Record<string, string> = { PRESIDENT: "Presidente", VICE_PRESIDENT: "Vice-presidente", EXECUTIVE_SECRETARY: "Secretário(a) executivo(a)" };
