// Typed fetch wrapper for the Tongxin API: JSON, session cookie, Accept-Language, CSRF token on writes, problem+json errors.
import { currentLocale } from '../i18n';

export type FieldProblem = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }
}

/** Thrown when the server could not be reached at all; the UI shows a localized network message. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  query?: Record<string, string | number | null | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /** Set for calls where 401 is an answer to show, not a lost session (the login form). */
  isUnauthorizedExpected?: boolean;
};

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') {
    window.location.assign('/login');
  }
};

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** The auth provider installs a router-aware handler; until then a 401 reloads /login. */
export const setUnauthorizedHandler = (handler: () => void): void => {
  onUnauthorized = handler;
};

const buildUrl = (path: string, query: RequestOptions['query']): string => {
  if (query === undefined) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const toProblem = (status: number, statusText: string, body: unknown): Problem => {
  if (isRecord(body) && typeof body.title === 'string') {
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: body.title,
      status: typeof body.status === 'number' ? body.status : status,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      code: typeof body.code === 'string' ? body.code : `http.${status}`,
      errors: Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : undefined,
      retryAfterSeconds: typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : undefined,
    };
  }
  return {
    type: 'about:blank',
    title: statusText === '' ? `HTTP ${status}` : statusText,
    status,
    code: `http.${status}`,
  };
};

const readBody = async (response: Response): Promise<unknown> => {
  if (response.status === 204) {
    return undefined;
  }
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export const request = async <T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> => {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLocale() });
  if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (method !== 'GET' && csrfToken !== null) {
    headers.set('x-csrf-token', csrfToken);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new NetworkError(error);
  }
  const body = await readBody(response);
  if (!response.ok) {
    const problem = toProblem(response.status, response.statusText, body);
    if (response.status === 401 && options.isUnauthorizedExpected !== true) {
      csrfToken = null;
      onUnauthorized();
    }
    throw new ApiError(problem);
  }
  return body as T;
};

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T> =>
    request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions): Promise<T> => request<T>('DELETE', path, options),
};

export const isAbortError = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
