import type {
  ApiIssue,
  Case,
  CaseListQuery,
  CasePage,
  DistrictList,
  ErrorBody,
  Meta,
  NewCase,
  OffenceList,
  RoleList,
  Session,
  StateList,
} from './types.ts';

/** An error answered by the API (or a network failure, with `status` 0 and code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

type Query = Record<string, string | number | undefined | null>;
interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

// The session cookie is httpOnly; the CSRF token that must accompany it on writes lives only in memory.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can return to the sign-in screen. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'The server could not be reached. Check the network and try again.');
  }

  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;

  if (response.status === 401 && !path.startsWith('/auth/')) onUnauthenticated?.();
  if (isErrorBody(body)) {
    throw new ApiError(response.status, body.error.code, body.error.message, body.error.issues ?? []);
  }
  throw new ApiError(
    response.status,
    'http_error',
    `The server answered ${response.status} ${response.statusText}.`,
  );
}

export const api = {
  meta: (signal?: AbortSignal) => request<Meta>('GET', '/meta', { signal }),

  me: (signal?: AbortSignal) => request<Session>('GET', '/auth/me', { signal }),
  signIn: (email: string, password: string) =>
    request<Session>('POST', '/auth/sign-in', { body: { email, password } }),
  signOut: () => request<void>('POST', '/auth/sign-out'),

  /** In statute order: POCSO, BNS, IPC, ITPA, JJ, IT; sections by number. */
  offences: (signal?: AbortSignal) => request<OffenceList>('GET', '/reference/offences', { signal }),
  roles: (signal?: AbortSignal) => request<RoleList>('GET', '/reference/roles', { signal }),
  states: (signal?: AbortSignal) => request<StateList>('GET', '/reference/states', { signal }),
  districts: (stateLgdCode: number, signal?: AbortSignal) =>
    request<DistrictList>('GET', '/reference/districts', {
      query: { state_lgd_code: stateLgdCode },
      signal,
    }),

  listCases: (query: CaseListQuery, signal?: AbortSignal) =>
    request<CasePage>('GET', '/cases', { query: { ...query }, signal }),
  getCase: (id: string, signal?: AbortSignal) =>
    request<Case>('GET', `/cases/${encodeURIComponent(id)}`, { signal }),
  createCase: (input: NewCase) => request<Case>('POST', '/cases', { body: input }),
};
