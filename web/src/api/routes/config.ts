// Administration of the call flow: IVR flows and their versions, shared
// schedules and holiday lists, and the read-only view of lines and spans.
export const configRoutes = {
  ivrFlows: ['GET', '/api/ivr/flows/'],
  ivrFlow: ['GET', '/api/ivr/flows/{name}'],
  ivrValidate: ['POST', '/api/ivr/flows/validate'],
  ivrAddVersion: ['POST', '/api/ivr/flows/{name}/versions'],
  ivrActivate: ['POST', '/api/ivr/flows/{name}/versions/{version}/activate'],
  ivrRollback: ['POST', '/api/ivr/flows/{name}/rollback'],
  schedules: ['GET', '/api/schedules'],
  scheduleCreate: ['POST', '/api/schedules'],
  scheduleReplace: ['PUT', '/api/schedules/{name}'],
  scheduleDelete: ['DELETE', '/api/schedules/{name}'],
  holidayLists: ['GET', '/api/holidays'],
  holidayCreate: ['POST', '/api/holidays'],
  holidayReplace: ['PUT', '/api/holidays/{name}'],
  holidayDelete: ['DELETE', '/api/holidays/{name}'],
  boards: ['GET', '/api/boards'],
} as const;
