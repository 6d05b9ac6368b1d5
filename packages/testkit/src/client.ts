export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** Posts a GraphQL request the way a third-party client would, over HTTP. */
export async function gql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
  return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
}

/** The error codes of a response, in order. */
export const codesOf = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

/** Each error's code and the input field it names (`extensions.field`, if any); undefined when nothing was refused. */
export const refusalsOf = (res: GraphQLResponse) => res.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }));
