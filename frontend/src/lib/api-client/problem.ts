import { ApiError, type FieldError } from './api-error';

/**
 * Turns a failed response into an ApiError. The API answers RFC 9457 problem+json; a few answers
 * are not (API Gateway's own `{"message": "Unauthorized"}`, a proxy's HTML page), and those get a
 * title from their status so the person still reads something useful.
 */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (isProblem(body)) {
    return new ApiError({
      status: response.status,
      type: slug(body.type) ?? fallback(response.status).type,
      title: body.title,
      detail: typeof body.detail === 'string' ? sentence(body.detail) : undefined,
      fieldErrors: fieldErrors(body.errors),
      currentVersion: typeof body.currentVersion === 'number' ? body.currentVersion : undefined,
      retryAfterSeconds,
      activeRunId: typeof body.activeRunId === 'string' ? body.activeRunId : undefined,
    });
  }
  return new ApiError({ status: response.status, ...fallback(response.status), retryAfterSeconds });
}

type ProblemBody = {
  type?: unknown;
  title: string;
  detail?: unknown;
  errors?: unknown;
  currentVersion?: unknown;
  activeRunId?: unknown;
};

function isProblem(body: unknown): body is ProblemBody {
  return typeof body === 'object' && body !== null && typeof (body as ProblemBody).title === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** `https://samokoder.dev/problems/not-found` → `not-found`. */
function slug(type: unknown): string | undefined {
  if (typeof type !== 'string' || type.length === 0) {
    return undefined;
  }
  return type.slice(type.lastIndexOf('/') + 1) || undefined;
}

function fieldErrors(errors: unknown): FieldError[] {
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors
    .filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
    .map((e) => ({ field: e.field, message: sentence(e.message) }));
}

/** The API writes details as lower-case fragments ("the email or the password is wrong"). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return trimmed;
  }
  const capitalised = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) {
    return undefined;
  }
  return Number(value.trim());
}

function fallback(status: number): { type: string; title: string; detail: string } {
  if (status === 401) {
    return { type: 'unauthorized', title: 'Your session has ended', detail: 'Sign in again to continue.' };
  }
  if (status === 403) {
    return { type: 'forbidden', title: 'Not allowed', detail: 'Your account may not do this.' };
  }
  if (status === 404) {
    return { type: 'not-found', title: 'Not found', detail: 'It does not exist, or it is not yours.' };
  }
  if (status === 429) {
    return { type: 'rate-limited', title: 'Too many requests', detail: 'Wait a moment, then try again.' };
  }
  if (status === 502 || status === 503 || status === 504) {
    return { type: 'unavailable', title: 'Samokoder is not answering', detail: 'Try again in a moment.' };
  }
  if (status >= 500) {
    return { type: 'internal', title: 'Something failed on our side', detail: 'Try again in a moment.' };
  }
  return { type: `http-${status}`, title: 'The request failed', detail: `The server answered ${status}.` };
}
