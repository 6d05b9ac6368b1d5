import type { CombinedError } from "@urql/core";

/** What the API's error codes (README, "Errors") mean to a secretary, in Portuguese. */
export const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: "Sua sessão expirou ou não é válida. Entre novamente.",
  FORBIDDEN: "Seu acesso não permite esta ação: ela é de outro conselho ou de outro papel.",
  NOT_FOUND: "Registro não encontrado (ou você não tem acesso a ele).",
  CONFLICT: "Alguém alterou este registro enquanto você editava, ou esta etapa não é permitida agora. Recarregue a página e tente de novo.",
  RECORD_IMMUTABLE: "Um registro publicado não muda: registre uma retificação.",
  IDEMPOTENCY_KEY_REUSED: "Este envio já foi feito com outros dados. Recarregue a página.",
  RATE_LIMITED: "Muitas solicitações seguidas. Aguarde um minuto e tente de novo.",
  SERVICE_UNAVAILABLE: "O sistema está indisponível no momento. Tente de novo em instantes.",
  INTERNAL_SERVER_ERROR: "Erro interno do sistema. Informe o código da solicitação ao suporte.",
  NETWORK: "Sem conexão com o servidor. Verifique a rede e tente de novo.",
};

/** One error as the console shows it: a message, the input field it is about (if any), and a support reference. */
export interface ShownError {
  code: string;
  message: string;
  /** The input field `extensions.field` names (BAD_USER_INPUT), e.g. `startsAt` or `agenda.0.title`. */
  field?: string;
  requestId?: string;
}

/**
 * Turns a failed operation into what the secretary reads. BAD_USER_INPUT keeps the server's own message (it says which
 * rule the value broke) and the field, so the form can show it beside that field; other codes get a plain sentence.
 */
export function describeErrors(error: CombinedError): ShownError[] {
  if (error.networkError && error.graphQLErrors.length === 0) return [{ code: "NETWORK", message: MESSAGES.NETWORK }];
  return error.graphQLErrors.map((e) => {
    const code = String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    const requestId = e.extensions?.requestId ? String(e.extensions.requestId) : undefined;
    if (code === "BAD_USER_INPUT") {
      const field = e.extensions?.field ? String(e.extensions.field).replace(/^input\./, "") : undefined;
      return { code, message: e.message, field, requestId };
    }
    return { code, message: MESSAGES[code] ?? MESSAGES.INTERNAL_SERVER_ERROR, requestId };
  });
}

/**
 * The errors of a form: those about a field the form shows (`shown`: its names; `agenda` covers `agenda.0.title`),
 * to appear beside it, and the rest — no field, or one the form has no input for — to appear above its button.
 */
export function errorsByField(errors: ShownError[], shown: readonly string[]): { fields: Record<string, string>; general: ShownError[] } {
  const fields: Record<string, string> = {};
  const general: ShownError[] = [];
  for (const error of errors) {
    const name = error.field && shown.find((f) => error.field === f || error.field!.startsWith(`${f}.`));
    if (name && error.field && !(error.field in fields)) fields[error.field] = error.message;
    else general.push(error);
  }
  return { fields, general };
}
