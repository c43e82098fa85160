// Every API route the console calls, by name: method and OpenAPI path. The
// client builds its requests from this table only, and test/web/api-routes.test.ts
// checks each entry against the server's OpenAPI document, so the two cannot drift.
export const ROUTES = {
  login: ['POST', '/api/auth/login'],
  logout: ['POST', '/api/auth/logout'],
  me: ['GET', '/api/auth/me'],
  agent: ['GET', '/api/agents/{id}'],
  agentLogin: ['POST', '/api/agents/{id}/login'],
  agentLogout: ['POST', '/api/agents/{id}/logout'],
  agentReady: ['POST', '/api/agents/{id}/ready'],
  agentNotReady: ['POST', '/api/agents/{id}/not-ready'],
  agentDnd: ['POST', '/api/agents/{id}/dnd'],
  extCall: ['GET', '/api/extensions/{ext}/call'],
  extDial: ['POST', '/api/extensions/{ext}/dial'],
  extHangup: ['POST', '/api/extensions/{ext}/hangup'],
  extHold: ['POST', '/api/extensions/{ext}/hold'],
  extRetrieve: ['POST', '/api/extensions/{ext}/retrieve'],
  extTransfer: ['POST', '/api/extensions/{ext}/transfer'],
  extTransferComplete: ['POST', '/api/extensions/{ext}/transfer/complete'],
  extTransferCancel: ['POST', '/api/extensions/{ext}/transfer/cancel'],
  extConference: ['POST', '/api/extensions/{ext}/conference'],
  extRecordingStart: ['POST', '/api/extensions/{ext}/recording/start'],
  extRecordingStop: ['POST', '/api/extensions/{ext}/recording/stop'],
  events: ['GET', '/api/ws'],
} as const satisfies Record<string, readonly ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string]>;

export type RouteName = keyof typeof ROUTES;
