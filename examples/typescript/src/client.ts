import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { ERROR_CODES, handlingOf, type ErrorCode } from "./errors";

export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; requestId?: string; field?: string };
}

/** An answer the client gave up on: its code, what to do, and the request id to quote. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly advice: string,
    readonly requestId: string | undefined,
  ) {
    super(`${code}: ${advice}${requestId ? ` (request ${requestId})` : ""}`);
  }
}

const isCode = (code: unknown): code is ErrorCode => ERROR_CODES.includes(code as ErrorCode);

export interface ClientOptions {
  url: string;
  token?: string;
  /** Attempts per request before giving up on RATE_LIMITED or SERVICE_UNAVAILABLE. */
  maxAttempts?: number;
  /** Called before each wait, so a program can say why it pauses. */
  onRetry?: (code: ErrorCode, afterMs: number) => void;
}

/**
 * One typed request: the document's result and variables types come from GraphQL Code Generator. Retries what the
 * API says to retry (429 after Retry-After, 503 and SERVICE_UNAVAILABLE fields with backoff); throws ApiFailure with
 * advice for every other code.
 */
export async function request<TResult, TVariables>(
  options: ClientOptions,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await res.json()) as { data?: TResult | null; errors?: ApiError[] };
    const error = body.errors?.[0];
    if (!error) return body.data as TResult;
    const code = error.extensions?.code;
    if (!isCode(code)) throw new Error(`unexpected answer (HTTP ${res.status}): ${error.message}`);
    const retryAfter = res.headers.get("retry-after");
    const handling = handlingOf(code, attempt, retryAfter === null ? null : Number(retryAfter));
    if (handling.retry && attempt + 1 < maxAttempts) {
      options.onRetry?.(code, handling.afterMs);
      await new Promise((resolve) => setTimeout(resolve, handling.afterMs));
      continue;
    }
    throw new ApiFailure(code, handling.retry ? "still failing after retries: try again later" : handling.advice, error.extensions?.requestId);
  }
}
