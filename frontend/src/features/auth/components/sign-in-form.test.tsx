import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { problem, json, tokens } from '@/testing/responses';
import { SignInForm } from './sign-in-form';

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  if (email) {
    await user.type(screen.getByLabelText('Email'), email);
  }
  if (password) {
    await user.type(screen.getByLabelText('Password'), password);
  }
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('says what is missing next to each field, without asking the server', async () => {
    const api = fakeApi({});
    render(<SignInForm onSignedIn={vi.fn()} />);

    await signIn('', '');

    expect(screen.getByLabelText('Email')).toHaveProperty('ariaInvalid', 'true');
    expect(screen.getByText('Enter your email.')).toBeDefined();
    expect(screen.getByText('Enter your password.')).toBeDefined();
    expect(api.calls).toHaveLength(0);
  });

  it("shows the server's message for a wrong password", async () => {
    fakeApi({
      'POST /v1/auth/login': () =>
        problem(401, 'invalid-credentials', 'Invalid credentials', { detail: 'the email or the password is wrong' }),
    });
    const onSignedIn = vi.fn();
    render(<SignInForm onSignedIn={onSignedIn} />);

    await signIn('ada@example.com', 'not my password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Invalid credentials');
    expect(alert.textContent).toContain('The email or the password is wrong.');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('signs in with the tokens the server returns', async () => {
    const api = fakeApi({ 'POST /v1/auth/login': () => json(200, tokens(1)) });
    const onSignedIn = vi.fn();
    render(<SignInForm onSignedIn={onSignedIn} />);

    await signIn(' ada@example.com ', 'correct horse battery staple');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(await api.calls[0]!.json()).toEqual({ email: 'ada@example.com', password: 'correct horse battery staple' });
    expect(session.getState().signedIn).toBe(true);
    await expect(session.current()).resolves.toBe('access-1');
  });
});
