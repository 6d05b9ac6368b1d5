/**
 * Reads a Decidim instance's public GraphQL API (`/api`, Decidim 0.28 — see packages/decidim-standin's transcribed
 * SDL) into one `DecidimSnapshot` (records.ts): every published process (with steps) and public assembly, and every
 * published proposals, budgets, accountability and meetings component in them, each connection paged to its end.
 *
 * All or nothing: `readSnapshot()` either returns a whole snapshot or throws a `DecidimClientError` (so the import
 * changes nothing). Each request is retried on 429 (waiting Retry-After, seconds or HTTP date, when given), on 5xx,
 * on network errors, on time-outs and on a non-JSON answer, with bounded exponential backoff; a 4xx other than 429, a
 * GraphQL `errors` answer or an answer of the wrong shape fails at once. Requests are spaced to at most
 * `maxRequestsPerSecond`. Nothing names a person: authors are counted, and only an organisation's name (a user group,
 * or the organisation itself for official proposals) is read — users' names and nicknames are never asked for.
 */
import type {
  DecidimAssemblyRecord,
  DecidimMeetingRecord,
  DecidimProcessRecord,
  DecidimProjectRecord,
  DecidimProposalRecord,
  DecidimProposalState,
  DecidimResultRecord,
  DecidimSnapshot,
  DecidimSpaceRef,
} from "./records";
import { DECIDIM_QUERIES, type DecidimOperation } from "./queries";
import { instantInRange } from "@contagem/schema";
import { cleanText, clip, MAX_STRING_LENGTH, MAX_TITLE_LENGTH, pickText, type TranslatedText } from "./text";

/** Why a read failed. Every code means: no snapshot, nothing to apply. */
export type DecidimErrorCode =
  /** Network errors (refused, reset, DNS) until the retry budget ran out. */
  | "DECIDIM_UNREACHABLE"
  /** Requests timed out (`timeoutMs`) until the retry budget ran out. */
  | "DECIDIM_TIMEOUT"
  /** 429 until the retry budget ran out, or a Retry-After longer than `maxRetryAfterMs`. */
  | "DECIDIM_RATE_LIMITED"
  /** An HTTP error status: a 5xx until the budget ran out, or any other 4xx at once. */
  | "DECIDIM_HTTP_ERROR"
  /** An answer that is not the JSON/shape asked for (e.g. a proxy's HTML page, pagination that does not advance). */
  | "DECIDIM_BAD_RESPONSE"
  /** Decidim answered GraphQL `errors` (e.g. an instance whose schema differs from 0.28's). */
  | "DECIDIM_GRAPHQL_ERROR"
  /**
   * The instance runs a Decidim release the connector was not checked against (or hides its version): its queries may
   * still validate there while meaning something else (0.29+ keeps withdrawn proposals' state and flags them apart).
   */
  | "DECIDIM_UNSUPPORTED_VERSION"
  /** The read was stopped from outside (`signal`: its process is shutting down) before it finished. */
  | "DECIDIM_STOPPED";

export class DecidimClientError extends Error {
  constructor(
    readonly code: DecidimErrorCode,
    message: string,
    /** The GraphQL operation that failed, e.g. `DecidimProposals`. */
    readonly operation: string,
    /** Requests made for that operation, retries included. */
    readonly attempts: number,
    /** The last HTTP status, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${operation}: ${message}`, options);
    this.name = "DecidimClientError";
  }
}

export interface DecidimClientOptions {
  /** The API's address, e.g. `https://decidim.contagem.mg.gov.br/api`. */
  apiUrl: string;
  /** Base of the records' public pages; default `apiUrl` without its trailing `/api`. */
  publicUrl?: string;
  /** Locale of the texts; default `pt-BR` (then `pt`, then any translation). */
  locale?: string;
  /** Items per page, 2–50 (Decidim's `schema_max_per_page`; pages overlap by one item); default 50. */
  pageSize?: number;
  /**
   * Most requests started per second; default 1.5 (90 a minute: Decidim throttles each IP with Rack::Attack at
   * `throttling_max_requests` 100 per `throttling_period` 1 minute by default); `Infinity` for no limit.
   */
  maxRequestsPerSecond?: number;
  /** Per-request time-out (answer and body), ms; default 20 000. */
  timeoutMs?: number;
  /** Retries per request after the first attempt; default 6 (with the default backoff, ~1 min: one throttling window). */
  maxRetries?: number;
  /** First backoff, ms (doubled each retry, ±50% jitter); default 1 000. */
  backoffBaseMs?: number;
  /** Longest backoff, ms; default 60 000. */
  backoffMaxMs?: number;
  /** A Retry-After longer than this gives up at once (`DECIDIM_RATE_LIMITED`), ms; default 120 000. */
  maxRetryAfterMs?: number;
  /** Read an instance whose version is not 0.27.x/0.28.x (or is hidden) anyway; default false. */
  allowUntestedVersion?: boolean;
  /** Largest answer read, bytes; a bigger one fails at once (`DECIDIM_BAD_RESPONSE`); default 16 MiB. */
  maxResponseBytes?: number;
  /** Stops the read (e.g. the process is shutting down): it gives up with `DECIDIM_STOPPED` at once, mid-request or mid-wait. */
  signal?: AbortSignal;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** Decidim's `schema_max_per_page`. */
export const DECIDIM_MAX_PAGE_SIZE = 50;
/** A connection longer than this many pages is taken as a pagination loop. */
const MAX_PAGES = 10_000;
/** Releases whose API means what the client reads (transcribed: 0.28.4; 0.27 has the same fields and states). */
const SUPPORTED_VERSIONS = /^0\.2[78]\.\d{1,3}(?:\.(?:rc|beta|alpha|dev)\d{0,3})?$/;
/** Times a component's list is read again after it changed during a read. */
const MAX_RESTARTS = 3;

type Text = TranslatedText | null;
interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: ({ cursor: string; node: T | null } | null)[] | null;
}
interface ComponentRef {
  id: string;
  __typename: string;
}
interface SpaceNode {
  id: string;
  slug: string;
  publishedAt: string | null;
  title: Text;
  subtitle: Text;
  description: Text;
  components: ComponentRef[] | null;
}
interface ProcessNode extends SpaceNode {
  startDate: string | null;
  endDate: string | null;
  steps: ({
    id: string;
    position: number | null;
    active: boolean | null;
    startDate: string | null;
    endDate: string | null;
    title: Text;
    description: Text;
  } | null)[];
}
type AuthorNode = { __typename: string; name?: string; badge?: string } | null;
interface ProposalNode {
  id: string;
  state: string | null;
  answeredAt: string | null;
  publishedAt: string | null;
  official: boolean | null;
  voteCount: number | null;
  endorsementsCount: number | null;
  totalCommentsCount: number | null;
  authorsCount: number | null;
  title: Text;
  body: Text;
  answer: Text;
  author: AuthorNode;
  authors: AuthorNode[] | null;
}
interface BudgetNode {
  id: string;
  title: Text;
  projects: ({
    id: string;
    budget_amount: number | null;
    selected: boolean | null;
    title: Text;
    description: Text;
  } | null)[];
}
interface ResultNode {
  id: string;
  startDate: string | null;
  endDate: string | null;
  progress: number | null;
  title: Text;
  description: Text;
  parent: { id: string } | null;
  status: { name: Text } | null;
}
interface AgendaItemNode {
  position: number;
  title: Text;
  description: Text;
  items?: (AgendaItemNode | null)[];
}
interface MeetingNode {
  id: string;
  startTime: string;
  endTime: string | null;
  typeOfMeeting: string;
  address: string | null;
  closed: boolean;
  isWithdrawn: boolean;
  attendeeCount: number | null;
  contributionCount: number | null;
  attendingOrganizations: string | null;
  title: Text;
  description: Text;
  location: Text;
  closingReport: Text;
  agenda: { items: (AgendaItemNode | null)[] } | null;
}

const PROPOSAL_STATES: ReadonlySet<string> = new Set(["not_answered", "evaluating", "accepted", "rejected", "withdrawn"]);
const ANSWERED_STATES: ReadonlySet<string> = new Set(["evaluating", "accepted", "rejected"]);

class Retryable {
  constructor(
    readonly error: DecidimClientError,
    readonly retryAfterMs: number | null = null,
  ) {}
}

/** A client for one Decidim API. Stateless between reads apart from the request pacing. */
export class DecidimClient {
  private readonly apiUrl: string;
  private readonly publicUrl: string;
  private readonly locale: string;
  private readonly pageSize: number;
  private readonly minIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxResponseBytes: number;
  private readonly allowUntestedVersion: boolean;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly signal: AbortSignal | undefined;
  private nextStartAt = 0;

  constructor(options: DecidimClientOptions) {
    let api: URL;
    try {
      api = new URL(options.apiUrl);
    } catch {
      throw new TypeError(`apiUrl is not a URL: ${options.apiUrl}`);
    }
    if (api.protocol !== "http:" && api.protocol !== "https:") throw new TypeError("apiUrl must be http(s)");
    this.apiUrl = api.toString();
    this.publicUrl = (options.publicUrl ?? this.apiUrl.replace(/\/api\/?$/, "")).replace(/\/+$/, "");
    this.locale = options.locale ?? "pt-BR";
    const pageSize = options.pageSize ?? DECIDIM_MAX_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 2 || pageSize > DECIDIM_MAX_PAGE_SIZE) {
      throw new RangeError(`pageSize must be an integer from 2 to ${DECIDIM_MAX_PAGE_SIZE}`);
    }
    this.pageSize = pageSize;
    const rate = options.maxRequestsPerSecond ?? 1.5;
    if (!(rate > 0)) throw new RangeError("maxRequestsPerSecond must be > 0");
    this.minIntervalMs = rate === Infinity ? 0 : 1000 / rate;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxRetries = options.maxRetries ?? 6;
    this.backoffBaseMs = options.backoffBaseMs ?? 1_000;
    this.backoffMaxMs = options.backoffMaxMs ?? 60_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 16 * 1024 * 1024;
    this.allowUntestedVersion = options.allowUntestedVersion ?? false;
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.signal = options.signal;
  }

  /** Gives up with DECIDIM_STOPPED once `signal` is aborted. */
  private checkStopped(operation: DecidimOperation, attempt: number): void {
    if (this.signal?.aborted) throw new DecidimClientError("DECIDIM_STOPPED", "the read was stopped before it finished", operation, attempt);
  }

  /** `sleep`, cut short when `signal` is aborted. */
  private wait(ms: number): Promise<void> {
    const signal = this.signal;
    if (!signal) return this.sleep(ms);
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener("abort", done);
        resolve();
      };
      signal.addEventListener("abort", done, { once: true });
      void this.sleep(ms).then(done);
    });
  }

  /** Reads the whole instance. Throws DecidimClientError (and returns nothing) when any request finally fails. */
  async readSnapshot(): Promise<DecidimSnapshot> {
    const fetchedAt = new Date(this.now()).toISOString();
    const meta = await this.request<{ decidim: { version: string } | null; organization: { name: string | null } | null }>(
      "DecidimMetadata",
      {},
    );
    const version = meta.decidim?.version ? clip(meta.decidim.version, 100) : null;
    if (!this.allowUntestedVersion && !(version && SUPPORTED_VERSIONS.test(version))) {
      throw new DecidimClientError(
        "DECIDIM_UNSUPPORTED_VERSION",
        `Decidim ${version ?? "(version hidden)"} is not a release this client was checked against (0.27, 0.28)`,
        "DecidimMetadata",
        1,
      );
    }
    const organizationName = meta.organization?.name ? clip(meta.organization.name, MAX_TITLE_LENGTH) : null;
    const spaces = await this.request<{ participatoryProcesses: ProcessNode[] | null; assemblies: SpaceNode[] | null }>(
      "DecidimSpaces",
      { locale: this.locale },
    );
    const snapshot: DecidimSnapshot = {
      apiUrl: this.apiUrl,
      decidimVersion: version,
      fetchedAt,
      processes: [],
      assemblies: [],
      proposals: [],
      projects: [],
      results: [],
      meetings: [],
    };
    const withComponents: { ref: DecidimSpaceRef; url: string; components: ComponentRef[] }[] = [];
    for (const p of spaces.participatoryProcesses ?? []) {
      const url = `${this.publicUrl}/processes/${encodeURIComponent(p.slug)}`;
      snapshot.processes.push(this.process(p, url));
      withComponents.push({ ref: { type: "ParticipatoryProcess", externalId: p.id }, url, components: p.components ?? [] });
    }
    for (const a of spaces.assemblies ?? []) {
      const url = `${this.publicUrl}/assemblies/${encodeURIComponent(a.slug)}`;
      snapshot.assemblies.push(this.assembly(a, url));
      withComponents.push({ ref: { type: "Assembly", externalId: a.id }, url, components: a.components ?? [] });
    }
    for (const { ref, url, components } of withComponents) {
      for (const component of components) {
        const base = `${url}/f/${encodeURIComponent(component.id)}`;
        switch (component.__typename) {
          case "Proposals":
            for (const n of await this.all<ProposalNode>("DecidimProposals", component, "proposals")) {
              snapshot.proposals.push(this.proposal(n, ref, component.id, base, organizationName));
            }
            break;
          case "Budgets":
            for (const b of await this.all<BudgetNode>("DecidimBudgets", component, "budgets")) {
              snapshot.projects.push(...this.projects(b, ref, base));
            }
            break;
          case "Accountability":
            for (const n of await this.all<ResultNode>("DecidimResults", component, "results")) {
              snapshot.results.push(this.result(n, ref, component.id, base));
            }
            break;
          case "Meetings":
            for (const n of await this.all<MeetingNode>("DecidimMeetings", component, "meetings")) {
              snapshot.meetings.push(this.meeting(n, ref, component.id, base));
            }
            break;
          default: // blogs, pages, surveys, …: not read
        }
      }
    }
    return snapshot;
  }

  /**
   * Every node of one component's connection, paged to the end. Decidim's cursors are offsets, so a record hidden or
   * deleted during the read would shift the list and make the next page skip one: each next page starts one item
   * early (after the previous page's second-to-last cursor) and must begin with the previous page's last item; when it
   * does not, the list changed under the read, which starts over (at most `MAX_RESTARTS` times, then
   * DECIDIM_BAD_RESPONSE). Null nodes (unauthorised in Decidim) are skipped.
   */
  private async all<T extends { id: string }>(
    operation: DecidimOperation,
    component: ComponentRef,
    key: "proposals" | "budgets" | "results" | "meetings",
  ): Promise<T[]> {
    for (let restart = 0; restart <= MAX_RESTARTS; restart++) {
      const read = await this.readConnection<T>(operation, component, key);
      if (read !== "shifted") return read;
    }
    throw new DecidimClientError(
      "DECIDIM_BAD_RESPONSE",
      `component ${component.id}'s ${key} kept changing during ${MAX_RESTARTS + 1} reads`,
      operation,
      1,
    );
  }

  private async readConnection<T extends { id: string }>(
    operation: DecidimOperation,
    component: ComponentRef,
    key: "proposals" | "budgets" | "results" | "meetings",
  ): Promise<T[] | "shifted"> {
    const byId = new Map<string, T>();
    const cursors = new Set<string>();
    let after: string | null = null;
    let expectFirst: string | null = null; // the previous page's last item, which this page must start with
    for (let page = 0; ; page++) {
      if (page >= MAX_PAGES) throw new DecidimClientError("DECIDIM_BAD_RESPONSE", "too many pages", operation, 0);
      type ComponentPage = { component: (Record<string, Page<T> | null> & { __typename: string }) | null };
      const data: ComponentPage = await this.request<ComponentPage>(operation, {
        id: component.id,
        first: this.pageSize,
        after,
        locale: this.locale,
      });
      // Unpublished since the spaces were read: it holds nothing public any more.
      if (data.component === null) return [];
      if (data.component.__typename !== component.__typename) {
        throw new DecidimClientError(
          "DECIDIM_BAD_RESPONSE",
          `component ${component.id} is a ${data.component.__typename}, not a ${component.__typename}`,
          operation,
          1,
        );
      }
      const connection: Page<T> | null = data.component[key];
      if (!connection) return [];
      const edges = (connection.edges ?? []).filter((e): e is { cursor: string; node: T | null } => e !== null);
      if (expectFirst !== null) {
        if (edges[0]?.node?.id !== expectFirst) return "shifted";
        edges.shift();
      }
      for (const { node } of edges) if (node && !byId.has(node.id)) byId.set(node.id, node);
      if (!connection.pageInfo.hasNextPage) return [...byId.values()];
      const last = edges[edges.length - 1];
      const resume: string | undefined = edges.length >= 2 ? edges[edges.length - 2].cursor : undefined;
      if (!last?.node || !resume || cursors.has(resume)) {
        throw new DecidimClientError("DECIDIM_BAD_RESPONSE", "pagination does not advance", operation, 1);
      }
      cursors.add(resume);
      after = resume;
      expectFirst = last.node.id;
    }
  }

  /** One GraphQL request with pacing, time-out and retries. */
  private async request<T>(operation: DecidimOperation, variables: Record<string, unknown>): Promise<T> {
    const body = JSON.stringify({ query: DECIDIM_QUERIES[operation], variables, operationName: operation });
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      this.checkStopped(operation, attempt);
      let outcome: Retryable;
      try {
        return await this.attempt<T>(operation, body, attempt);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        outcome = error;
      }
      if (outcome.retryAfterMs !== null && outcome.retryAfterMs > this.maxRetryAfterMs) {
        throw new DecidimClientError(
          "DECIDIM_RATE_LIMITED",
          `Retry-After ${Math.ceil(outcome.retryAfterMs / 1000)} s exceeds ${this.maxRetryAfterMs / 1000} s`,
          operation,
          attempt,
          429,
        );
      }
      this.checkStopped(operation, attempt);
      if (attempt > this.maxRetries) throw outcome.error;
      await this.wait(outcome.retryAfterMs ?? this.backoff(attempt));
    }
  }

  private async attempt<T>(operation: DecidimOperation, body: string, attempt: number): Promise<T> {
    const fail = (code: DecidimErrorCode, message: string, status?: number, cause?: unknown) =>
      new DecidimClientError(code, message, operation, attempt, status, { cause });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number | undefined;
    let text: string;
    try {
      const res = await this.fetchImpl(this.apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body,
        signal: this.signal ? AbortSignal.any([controller.signal, this.signal]) : controller.signal,
      });
      status = res.status;
      if (res.status === 429) {
        await res.body?.cancel();
        throw new Retryable(fail("DECIDIM_RATE_LIMITED", "429 Too Many Requests", 429), this.retryAfter(res));
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        throw new Retryable(fail("DECIDIM_HTTP_ERROR", `HTTP ${res.status}`, res.status));
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw fail("DECIDIM_HTTP_ERROR", `HTTP ${res.status}`, res.status);
      }
      const read = await readLimited(res, this.maxResponseBytes);
      if (read === null) throw fail("DECIDIM_BAD_RESPONSE", `the answer exceeds ${this.maxResponseBytes} bytes`, res.status);
      text = read;
    } catch (error) {
      if (error instanceof Retryable || error instanceof DecidimClientError) throw error;
      this.checkStopped(operation, attempt);
      if (controller.signal.aborted) {
        throw new Retryable(fail("DECIDIM_TIMEOUT", `no answer within ${this.timeoutMs} ms`, status, error));
      }
      throw new Retryable(fail("DECIDIM_UNREACHABLE", describe(error), status, error));
    } finally {
      clearTimeout(timer);
    }
    let json: { data?: T | null; errors?: { message?: string }[] };
    try {
      // Every string of the answer (ids, slugs, names, versions, error messages, texts) cleaned and bounded once, here.
      json = JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? clip(cleanText(value), MAX_STRING_LENGTH) : value));
    } catch (error) {
      throw new Retryable(fail("DECIDIM_BAD_RESPONSE", "the answer is not JSON", status, error));
    }
    if (json === null || typeof json !== "object") throw fail("DECIDIM_BAD_RESPONSE", "the answer is not an object", status);
    if (Array.isArray(json.errors) && json.errors.length > 0) {
      const messages = json.errors.map((e) => e?.message ?? "?").slice(0, 3).join("; ");
      throw fail("DECIDIM_GRAPHQL_ERROR", messages, status);
    }
    if (!json.data || typeof json.data !== "object") throw fail("DECIDIM_BAD_RESPONSE", "the answer has no data", status);
    return json.data;
  }

  /** Retry-After in ms (delta seconds or an HTTP date); null when absent or unreadable. */
  private retryAfter(res: Response): number | null {
    const value = res.headers.get("retry-after")?.trim();
    if (!value) return null;
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? null : Math.max(0, at - this.now());
  }

  private backoff(attempt: number): number {
    const base = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(base * (0.5 + this.random() / 2));
  }

  /** Waits so that request starts are at least 1/maxRequestsPerSecond apart. */
  private async pace(): Promise<void> {
    const now = this.now();
    const wait = this.nextStartAt - now;
    this.nextStartAt = Math.max(now, this.nextStartAt) + this.minIntervalMs;
    if (wait > 0) await this.wait(wait);
  }

  private text(field: Text): string {
    return pickText(field, this.locale) ?? "";
  }

  /** A title or name: its text, at most MAX_TITLE_LENGTH long. */
  private title(field: Text): string {
    return clip(this.text(field), MAX_TITLE_LENGTH);
  }

  private process(p: ProcessNode, url: string): DecidimProcessRecord {
    const steps = p.steps
      .filter((s): s is NonNullable<typeof s> => s !== null)
      .map((s, i) => ({ s, i }))
      .sort((a, b) => (a.s.position ?? a.i) - (b.s.position ?? b.i) || a.i - b.i)
      .map(({ s }, position) => ({
        externalId: s.id,
        title: this.title(s.title),
        description: this.text(s.description),
        position,
        startDate: dateOf(s.startDate),
        endDate: dateOf(s.endDate),
        active: s.active === true,
      }));
    return {
      externalId: p.id,
      slug: p.slug,
      url,
      title: this.title(p.title),
      subtitle: pickText(p.subtitle, this.locale),
      description: this.text(p.description),
      startDate: dateOf(p.startDate),
      endDate: dateOf(p.endDate),
      publishedAt: instantOf(p.publishedAt),
      steps,
    };
  }

  private assembly(a: SpaceNode, url: string): DecidimAssemblyRecord {
    return {
      externalId: a.id,
      slug: a.slug,
      url,
      title: this.title(a.title),
      subtitle: pickText(a.subtitle, this.locale),
      description: this.text(a.description),
      publishedAt: instantOf(a.publishedAt),
    };
  }

  private proposal(
    n: ProposalNode,
    space: DecidimSpaceRef,
    componentId: string,
    base: string,
    organizationName: string | null,
  ): DecidimProposalRecord {
    // Decidim 0.28 shows `state` only once the answer is published (null before), "withdrawn" always.
    const state = n.state ?? "not_answered";
    if (!PROPOSAL_STATES.has(state)) {
      throw new DecidimClientError("DECIDIM_BAD_RESPONSE", `unknown proposal state ${state}`, "DecidimProposals", 1);
    }
    const answered = ANSWERED_STATES.has(state);
    // A group's name only once Decidim verified it (its badge): any participant may create a group, and an unverified
    // one's name is whatever that person typed — possibly their own.
    const group = [n.author, ...(n.authors ?? [])].find((a) => a?.__typename === "UserGroup" && a.name && a.badge?.trim());
    return {
      externalId: n.id,
      space,
      componentExternalId: componentId,
      url: `${base}/proposals/${encodeURIComponent(n.id)}`,
      title: this.title(n.title),
      body: this.text(n.body),
      state: state as DecidimProposalState,
      // An answer not yet published (state still hidden) is not public: not read.
      answer: answered ? pickText(n.answer, this.locale) : null,
      answeredAt: answered ? instantOf(n.answeredAt) : null,
      publishedAt: instantOf(n.publishedAt),
      voteCount: countOf(n.voteCount),
      endorsementsCount: countOf(n.endorsementsCount),
      commentsCount: countOf(n.totalCommentsCount),
      authorsCount: countOf(n.authorsCount) ?? (n.authors ?? []).length,
      organizationAuthor: n.official ? organizationName : group?.name ? clip(group.name, MAX_TITLE_LENGTH) : null,
    };
  }

  private projects(b: BudgetNode, space: DecidimSpaceRef, base: string): DecidimProjectRecord[] {
    const budgetTitle = this.title(b.title);
    return b.projects
      .filter((p): p is NonNullable<typeof p> => p !== null)
      .map((p) => ({
        externalId: p.id,
        space,
        budgetExternalId: b.id,
        budgetTitle,
        url: `${base}/budgets/${encodeURIComponent(b.id)}/projects/${encodeURIComponent(p.id)}`,
        title: this.title(p.title),
        description: this.text(p.description),
        budgetAmount: typeof p.budget_amount === "number" && Number.isFinite(p.budget_amount) && p.budget_amount >= 0 ? p.budget_amount : 0,
        // Decidim 0.28's API has no vote count for projects.
        confirmedVotes: null,
        selected: p.selected ?? null,
      }));
  }

  private result(n: ResultNode, space: DecidimSpaceRef, componentId: string, base: string): DecidimResultRecord {
    return {
      externalId: n.id,
      space,
      componentExternalId: componentId,
      parentExternalId: n.parent?.id ?? null,
      url: `${base}/results/${encodeURIComponent(n.id)}`,
      title: this.title(n.title),
      description: this.text(n.description),
      startDate: dateOf(n.startDate),
      endDate: dateOf(n.endDate),
      progress: typeof n.progress === "number" && n.progress >= 0 && n.progress <= 100 ? n.progress : null,
      statusName: (n.status && this.title(n.status.name)) || null,
    };
  }

  private meeting(n: MeetingNode, space: DecidimSpaceRef, componentId: string, base: string): DecidimMeetingRecord {
    const where = [n.address?.trim(), pickText(n.location, this.locale)].filter((s): s is string => !!s);
    const agenda: { title: string; description: string }[] = [];
    const walk = (items: (AgendaItemNode | null)[] | undefined) => {
      for (const item of [...(items ?? [])].filter((i): i is AgendaItemNode => i !== null).sort((a, b) => a.position - b.position)) {
        agenda.push({ title: this.title(item.title), description: this.text(item.description) });
        walk(item.items);
      }
    };
    walk(n.agenda?.items);
    return {
      externalId: n.id,
      space,
      componentExternalId: componentId,
      url: `${base}/meetings/${encodeURIComponent(n.id)}`,
      title: this.title(n.title),
      description: this.text(n.description),
      startTime: instantOf(n.startTime),
      endTime: instantOf(n.endTime),
      address: n.typeOfMeeting === "online" || where.length === 0 ? null : [...new Set(where)].join(", "),
      agenda,
      closed: n.closed,
      closingReport: pickText(n.closingReport, this.locale),
      attendeesCount: countOf(n.attendeeCount),
      contributionsCount: countOf(n.contributionCount),
      attendingOrganizations: n.attendingOrganizations?.trim() || null,
      withdrawn: n.isWithdrawn,
    };
  }
}

/** The body as UTF-8 text, or null (body cancelled) once it passes `max` bytes. */
async function readLimited(res: Response, max: number): Promise<string | null> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A count as Decidim's integer columns hold one (0 to 2^31 − 1); anything else (negative, fractional, huge, not a number) is unknown: null. */
function countOf(value: unknown): number | null {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647 ? (value as number) : null;
}

/**
 * `YYYY-MM-DD` of a Decidim Date or DateTime (its own calendar date, as Decidim states it); null when it is none, or
 * no day of the calendar (2025-02-30) or of the years the graph holds (0001-9999): one such date, stored, would fail
 * every sync (or every answer showing it).
 */
function dateOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real = year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A Decidim DateTime as sent, when it is an instant of the years the graph holds (in UTC and in Contagem's time); else null. */
function instantOf(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const instant = new Date(value);
  return instantInRange(instant) && dateOf(value) !== null ? value : null;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

/** Reads one snapshot with a fresh client. */
export function readDecidimSnapshot(options: DecidimClientOptions): Promise<DecidimSnapshot> {
  return new DecidimClient(options).readSnapshot();
}
