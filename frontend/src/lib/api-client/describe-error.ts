import { ApiError } from './api-error';

export type ErrorDescription = { title: string; detail?: string };

/** What to tell a person about any failure: an API problem, a dropped connection, or a bug. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError && error.type === 'version-conflict') {
    // the API's wording speaks of versions; the person only needs to know what to do
    return {
      title: 'Changed elsewhere',
      detail: 'Someone changed this since you opened it. Reload to see the latest, then try again.',
    };
  }
  if (error instanceof ApiError) {
    const wait = error.retryAfterSeconds === undefined ? '' : ` Try again in ${waitText(error.retryAfterSeconds)}.`;
    const detail = `${error.detail ?? ''}${wait}`.trim();
    return detail ? { title: error.title, detail } : { title: error.title };
  }
  return { title: 'Something went wrong', detail: 'Reload the page and try again.' };
}

function waitText(seconds: number): string {
  if (seconds < 90) {
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
