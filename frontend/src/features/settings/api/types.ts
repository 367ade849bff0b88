/** The API's shapes for the settings screen (openapi.json: LlmKey, ApiKey, UsageReport, Credit). */

export const LLM_PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** A stored provider key: never the key, only its last 4 characters. */
export type LlmKey = {
  provider: LlmProvider;
  last4: string;
  baseUrl?: string;
  createdAt: string;
  updatedAt: string;
  lastUsedAt?: string;
};

export const API_KEY_SCOPES = ['projects:read', 'projects:write', 'runs:write', 'usage:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export type ApiKey = {
  id: string;
  name: string;
  /** `sk_` and the next 8 characters: enough to recognise a key, not to use it. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  expiresAt?: string;
  lastUsedAt?: string;
  usage?: { month?: string; requests?: number; quota?: number };
};

/** The answer to creating a key: the only time the secret `key` is ever sent. */
export type CreatedApiKey = Omit<ApiKey, 'usage' | 'lastUsedAt'> & { key: string };

export type NewApiKey = { name: string; scopes: ApiKeyScope[]; expiresAt?: string };

export type UsageRow = {
  projectId?: string;
  runs?: number;
  llmCalls?: number;
  promptTokens?: number;
  completionTokens?: number;
  byokCostUsd?: number;
  platformCostUsd?: number;
  chargedUsd?: number;
  sandboxSeconds?: number;
  storageBytes?: number;
};

export type UsageReport = {
  month: string;
  currency: 'USD';
  totals: UsageRow;
  projects: UsageRow[];
  creditBalanceUsd: number;
};

export type CreditEntry = {
  seq: number;
  kind: 'top-up' | 'charge';
  amountUsd: number;
  balanceAfterUsd: number;
  reference?: string;
  note: string;
  at: string;
};

export type Credit = { balanceUsd: number; items: CreditEntry[]; nextCursor?: string };
