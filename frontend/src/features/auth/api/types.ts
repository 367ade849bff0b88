/** GET /v1/me and the answer of POST /v1/auth/register. */
export type User = {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
};
