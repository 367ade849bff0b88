import { api } from '@/lib/api';
import type { Tokens } from '@/lib/auth/tokens';
import type { User } from './types';

export function login(email: string, password: string): Promise<Tokens> {
  return api.json<Tokens>('POST', '/v1/auth/login', { body: { email, password }, auth: false });
}

export function register(input: { email: string; password: string; displayName?: string }): Promise<User> {
  return api.json<User>('POST', '/v1/auth/register', { body: input, auth: false });
}

export function getMe(signal?: AbortSignal): Promise<User> {
  return api.json<User>('GET', '/v1/me', { signal });
}
