import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, noContent, problem, tokens } from '@/testing/responses';
import type { ApiKey } from '../api/types';
import { ApiKeysSection } from './api-keys-section';

const SECRET = `sk_${'A'.repeat(43)}`;

const existing: ApiKey = {
  id: 'key_00000000000000000001',
  name: 'CI',
  prefix: 'sk_AbCdEfGh',
  scopes: ['projects:read'],
  createdAt: '2030-01-01T00:00:00Z',
  usage: { month: '2030-01', requests: 7, quota: 1000 },
};

beforeEach(() => {
  session.signIn(tokens(1));
});

describe('ApiKeysSection', () => {
  it('shows a new key once, with a warning, then forgets it', async () => {
    let items: ApiKey[] = [];
    let sent: unknown;
    const api = fakeApi({
      'GET /v1/api-keys': () => json(200, { items }),
      'POST /v1/api-keys': async (request) => {
        const body = await request.json();
        sent = body;
        const created = { id: 'key_00000000000000000002', name: body.name, prefix: 'sk_AAAAAAAA', scopes: body.scopes, createdAt: '2030-01-02T00:00:00Z' };
        items = [{ ...created, usage: {} }];
        return json(201, { ...created, key: SECRET });
      },
    });
    const user = userEvent.setup();
    render(<ApiKeysSection />);
    expect(await screen.findByText('No API keys yet')).toBeDefined();

    await user.type(screen.getByLabelText('Key name'), 'Deploy bot');
    await user.click(screen.getByRole('checkbox', { name: /runs:write/ }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('region', { name: 'Your new API key' });
    expect((within(shown).getByLabelText('New API key') as HTMLInputElement).value).toBe(SECRET);
    expect(shown.textContent).toContain('You will not see it again');
    const post = api.calls.find((call) => call.method === 'POST')!;
    expect(post.url).not.toContain(SECRET);
    expect(sent).toEqual({ name: 'Deploy bot', scopes: ['projects:read', 'runs:write'] });
    // the list shows the prefix, never the secret
    const list = await screen.findByRole('list', { name: 'API keys' });
    expect(list.textContent).toContain('sk_AAAAAAAA…');
    expect(list.textContent).not.toContain(SECRET);

    await user.click(within(shown).getByRole('button', { name: 'Done' }));

    expect(screen.queryByRole('region', { name: 'Your new API key' })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('revokes a key only after confirmation', async () => {
    const api = fakeApi({
      'GET /v1/api-keys': () => json(200, { items: [existing] }),
      [`DELETE /v1/api-keys/${existing.id}`]: () => noContent(),
    });
    const user = userEvent.setup();
    render(<ApiKeysSection />);

    await user.click(await screen.findByRole('button', { name: 'Revoke CI' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('sk_AbCdEfGh');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Revoke CI' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke key' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Revoke CI' })).toBeNull());
    expect(api.calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });

  it('shows the API’s problem as a human message', async () => {
    fakeApi({
      'GET /v1/api-keys': () => json(200, { items: [existing] }),
      'POST /v1/api-keys': () => problem(409, 'api-key-limit', 'Too many API keys', { detail: 'Revoke a key before creating another.' }),
    });
    const user = userEvent.setup();
    render(<ApiKeysSection />);
    await screen.findByRole('button', { name: 'Revoke CI' });

    await user.type(screen.getByLabelText('Key name'), 'One more');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many API keys');
    expect(alert.textContent).toContain('Revoke a key before creating another.');
  });

  it('asks for a name and a scope before sending', async () => {
    const api = fakeApi({ 'GET /v1/api-keys': () => json(200, { items: [] }) });
    const user = userEvent.setup();
    render(<ApiKeysSection />);
    await screen.findByText('No API keys yet');

    await user.click(screen.getByRole('checkbox', { name: /projects:read/ }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    expect(screen.getByText('Give the key a name, e.g. the program that uses it.')).toBeDefined();
    expect(screen.getByText('Pick at least one scope.')).toBeDefined();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });
});
