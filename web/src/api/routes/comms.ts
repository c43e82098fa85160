// The agent's other pages: call history, the address book (and the shared
// customer records to dial from), short messages, line and extension status,
// and the account's own language.
export const commsRoutes = {
  callRecords: ['GET', '/api/call-records/'],
  customerLookup: ['GET', '/api/customers/lookup'],
  customerSearch: ['GET', '/api/customers/'],
  contactList: ['GET', '/api/contacts/'],
  contactAdd: ['POST', '/api/contacts/'],
  contactEdit: ['PATCH', '/api/contacts/{id}'],
  contactRemove: ['DELETE', '/api/contacts/{id}'],
  messagePeople: ['GET', '/api/messages/people'],
  conversations: ['GET', '/api/messages/'],
  conversation: ['GET', '/api/messages/with/{id}'],
  messageSend: ['POST', '/api/messages/'],
  messageRead: ['POST', '/api/messages/with/{id}/read'],
  lineStatus: ['GET', '/api/boards'],
  setMyLocale: ['PATCH', '/api/auth/me'],
} as const;
