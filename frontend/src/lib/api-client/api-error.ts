export type FieldError = { field: string; message: string };

type ApiErrorInit = {
  status: number;
  type: string;
  title: string;
  detail?: string | undefined;
  fieldErrors?: FieldError[];
  currentVersion?: number | undefined;
  retryAfterSeconds?: number | undefined;
  activeRunId?: string | undefined;
};

/**
 * Every failed API call ends as one of these, so a screen needs one way to show a failure.
 * `type` is the problem type's last segment (`not-found`, `version-conflict`, …), or
 * `network` when the server could not be reached at all (status 0).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly currentVersion: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** On a 409 `active-run`: the run in progress that stopped a new one from starting. */
  readonly activeRunId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.currentVersion = init.currentVersion;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.activeRunId = init.activeRunId;
  }

  get isNetwork(): boolean {
    return this.type === 'network';
  }

  /** The message of the first error on a field (`name`, `settings.budgetUsd`, …), if any. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }
}

export function networkError(): ApiError {
  return new ApiError({
    status: 0,
    type: 'network',
    title: 'Can’t reach Samokoder',
    detail: 'Check your connection, then try again.',
  });
}

export function sessionEndedError(): ApiError {
  return new ApiError({
    status: 401,
    type: 'session-ended',
    title: 'Your session has ended',
    detail: 'Sign in again to continue.',
  });
}
