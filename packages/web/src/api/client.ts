// The one way the web app talks to the server: same-origin JSON under /api, cookies sent,
// the CSRF token on every state-changing request (DESIGN §9), a 401 sends the user to login.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request except the login itself answers 401 (the session is gone). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Leave a 401 to the caller (the login form shows it) instead of going to the login page. */
  expectUnauthorized?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', 'Cannot reach the Attain server. Check your connection and try again.');
  }

  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized();
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = response.status === 429 ? 'Too many attempts. Wait a minute and try again.' : response.statusText;
  try {
    const answer = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    const error = answer.error ?? {};
    return new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message || fallback || `Request failed (${response.status})`,
      error.details,
    );
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, fallback || `Request failed (${response.status})`);
  }
}
