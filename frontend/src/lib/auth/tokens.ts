/** The answer of POST /v1/auth/login and /v1/auth/refresh. */
export type Tokens = {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  userId: string;
};
