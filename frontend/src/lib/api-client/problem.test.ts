import { describe, expect, it } from 'vitest';
import { json, plainRefusal, problem } from '@/testing/responses';
import { errorFromResponse, sentence } from './problem';

describe('errorFromResponse', () => {
  it('reads a problem+json body: type slug, title, detail as a sentence, field errors, current version', async () => {
    const error = await errorFromResponse(
      problem(400, 'validation', 'Invalid request', {
        detail: 'the request has 2 invalid field(s)',
        errors: [
          { field: 'name', message: 'must be 1 to 100 characters' },
          { field: 'settings.budgetUsd', message: 'must be a number or null' },
          { field: 42, message: 'not a field error' },
        ],
        currentVersion: 3,
      }),
    );

    expect(error.status).toBe(400);
    expect(error.type).toBe('validation');
    expect(error.title).toBe('Invalid request');
    expect(error.detail).toBe('The request has 2 invalid field(s).');
    expect(error.fieldErrors).toEqual([
      { field: 'name', message: 'Must be 1 to 100 characters.' },
      { field: 'settings.budgetUsd', message: 'Must be a number or null.' },
    ]);
    expect(error.fieldError('settings.budgetUsd')).toBe('Must be a number or null.');
    expect(error.currentVersion).toBe(3);
  });

  it('reads the active run of a 409 active-run', async () => {
    const error = await errorFromResponse(
      problem(409, 'active-run', 'A run is in progress', {
        detail: 'the project has an active run; wait for it to end, or cancel it',
        activeRunId: 'run_aaaaaaaaaaaaaaaaaaaa',
      }),
    );

    expect(error.type).toBe('active-run');
    expect(error.activeRunId).toBe('run_aaaaaaaaaaaaaaaaaaaa');
    expect((await errorFromResponse(problem(409, 'run-state', 'Not possible', { activeRunId: 7 }))).activeRunId).toBeUndefined();
  });

  it('reads Retry-After in seconds', async () => {
    const error = await errorFromResponse(problem(429, 'login-locked', 'Too many failed logins', {}, { 'Retry-After': '840' }));

    expect(error.type).toBe('login-locked');
    expect(error.retryAfterSeconds).toBe(840);
  });

  it('gives a 401 or 403 from something in front of the API (not problem+json) a human title', async () => {
    const refused = await errorFromResponse(plainRefusal(401));
    const forbidden = await errorFromResponse(plainRefusal(403));

    expect(refused.status).toBe(401);
    expect(refused.title).toBe('Your session has ended');
    expect(forbidden.status).toBe(403);
    expect(forbidden.title).toBe('Not allowed');
  });

  it('gives a proxy page or an empty body a title from its status', async () => {
    const html = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const empty = await errorFromResponse(new Response(null, { status: 500 }));
    const notFound = await errorFromResponse(new Response(null, { status: 404 }));

    expect(html.title).toBe('Samokoder is not answering');
    expect(empty.title).toBe('Something failed on our side');
    expect(notFound.type).toBe('not-found');
  });

  it('survives a problem content type with a broken body', async () => {
    const error = await errorFromResponse(new Response('{"title": ', { status: 500, headers: { 'Content-Type': 'application/problem+json' } }));

    expect(error.title).toBe('Something failed on our side');
  });

  it('ignores a JSON body that is not a problem', async () => {
    const error = await errorFromResponse(json(409, { unexpected: true }));

    expect(error.type).toBe('http-409');
    expect(error.detail).toBe('The server answered 409.');
  });
});

describe('sentence', () => {
  it('capitalises and ends with a full stop, once', () => {
    expect(sentence('the email or the password is wrong')).toBe('The email or the password is wrong.');
    expect(sentence('Sign in again.')).toBe('Sign in again.');
    expect(sentence('  ')).toBe('');
  });
});
