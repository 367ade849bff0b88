import { api } from '@/lib/api';
import type { ProjectPage } from '@/features/projects/api/types';
import type { ApiKey, CreatedApiKey, Credit, LlmKey, LlmProvider, NewApiKey, UsageReport } from './types';

export function listLlmKeys(signal?: AbortSignal): Promise<{ items: LlmKey[] }> {
  return api.json('GET', '/v1/llm-keys', { signal });
}

/** Stores (or replaces) the key; the secret goes in the body only, never in the URL. */
export function putLlmKey(provider: LlmProvider, apiKey: string, baseUrl?: string): Promise<LlmKey> {
  const body = baseUrl ? { apiKey, baseUrl } : { apiKey };
  return api.json('PUT', `/v1/llm-keys/${encodeURIComponent(provider)}`, { body });
}

export async function deleteLlmKey(provider: LlmProvider): Promise<void> {
  await api.send('DELETE', `/v1/llm-keys/${encodeURIComponent(provider)}`);
}

export function listApiKeys(signal?: AbortSignal): Promise<{ items: ApiKey[] }> {
  return api.json('GET', '/v1/api-keys', { signal });
}

export function createApiKey(input: NewApiKey): Promise<CreatedApiKey> {
  return api.json('POST', '/v1/api-keys', { body: input });
}

export async function deleteApiKey(keyId: string): Promise<void> {
  await api.send('DELETE', `/v1/api-keys/${encodeURIComponent(keyId)}`);
}

export function getUsage(month: string, signal?: AbortSignal): Promise<UsageReport> {
  return api.json('GET', `/v1/usage?${new URLSearchParams({ month })}`, { signal });
}

/** The month's CSV as a file; fetched with the token in its header, so it is no link to follow. */
export async function exportUsage(month: string): Promise<Blob> {
  const response = await api.send('GET', `/v1/usage/export?${new URLSearchParams({ month })}`, {
    headers: { Accept: 'text/csv, application/problem+json' },
  });
  return response.blob();
}

export function getCredit(signal?: AbortSignal): Promise<Credit> {
  return api.json('GET', '/v1/credit?limit=10', { signal });
}

/** Names for the usage rows, which carry only project ids (the first 100 projects). */
export async function projectNames(signal?: AbortSignal): Promise<Map<string, string>> {
  const page = await api.json<ProjectPage>('GET', '/v1/projects?limit=100', { signal });
  return new Map(page.items.map((project) => [project.id, project.name]));
}
