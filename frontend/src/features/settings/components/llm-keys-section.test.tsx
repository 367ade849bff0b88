import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, noContent, problem, tokens } from '@/testing/responses';
import { LlmKeysSection } from './llm-keys-section';

const stored = { provider: 'anthropic', last4: 'wxyz', createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z' };

beforeEach(() => {
  session.signIn(tokens(1));
});

describe('LlmKeysSection', () => {
  it('stores a key in the body and then shows only its last 4', async () => {
    const secret = 'sk-proj-verysecret1234';
    const api = fakeApi({
      'GET /v1/llm-keys': () => json(200, { items: [] }),
      'PUT /v1/llm-keys/openai': () => json(201, { provider: 'openai', last4: '1234', createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z' }),
    });
    const user = userEvent.setup();
    render(<LlmKeysSection />);
    await screen.findByRole('list', { name: 'Model keys' });

    await user.type(screen.getByLabelText('API key'), secret);
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    expect(await screen.findByText('OpenAI key ending in 1234 saved.')).toBeDefined();
    const put = api.calls.find((call) => call.method === 'PUT')!;
    expect(put.url).not.toContain(secret);
    expect(await put.clone().json()).toEqual({ apiKey: secret });
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    const item = within(screen.getByRole('list', { name: 'Model keys' })).getAllByRole('listitem')[0]!;
    expect(item.textContent).toContain('••••1234');
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('needs a base URL for an OpenAI-compatible server and shows the API’s refusal', async () => {
    fakeApi({
      'GET /v1/llm-keys': () => json(200, { items: [] }),
      'PUT /v1/llm-keys/openai-compatible': () =>
        problem(400, 'validation', 'Invalid request', { errors: [{ field: 'baseUrl', message: 'Private addresses are not allowed.' }] }),
    });
    const user = userEvent.setup();
    render(<LlmKeysSection />);
    await screen.findByRole('list', { name: 'Model keys' });

    await user.selectOptions(screen.getByLabelText('Provider'), 'openai-compatible');
    await user.type(screen.getByLabelText('API key'), 'local-key-123');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(screen.getByText(/The server’s address/)).toBeDefined();

    await user.type(screen.getByLabelText(/Base URL/), 'http://10.0.0.1/v1');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    expect(await screen.findByText('Private addresses are not allowed.')).toBeDefined();
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid request');
  });

  it('removes a key after confirmation', async () => {
    const api = fakeApi({
      'GET /v1/llm-keys': () => json(200, { items: [stored] }),
      'DELETE /v1/llm-keys/anthropic': () => noContent(),
    });
    const user = userEvent.setup();
    render(<LlmKeysSection />);

    await user.click(await screen.findByRole('button', { name: 'Remove Anthropic key' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove key' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Anthropic key' })).toBeNull());
    expect(api.calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });
});
