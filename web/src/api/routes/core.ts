// Signing in and the live event stream.
export const coreRoutes = {
  login: ['POST', '/api/auth/login'],
  logout: ['POST', '/api/auth/logout'],
  me: ['GET', '/api/auth/me'],
  events: ['GET', '/api/ws'],
} as const;
