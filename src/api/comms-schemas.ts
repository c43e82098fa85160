// JSON schemas of the agent's own data: the address book (/api/contacts) and
// short messages (/api/messages). Bodies refuse unknown fields.
const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max }) as const;
const ntext = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

const contactFields = {
  name: { ...text(1, 128), pattern: '\\S' },
  number: { type: 'string', pattern: '^\\+?[0-9][0-9 ()-]{1,38}[0-9]$', description: 'digits, with spaces, dashes or brackets' },
  company: ntext(128),
  note: ntext(2000),
} as const;
export const contactBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'number'],
  properties: contactFields,
} as const;
export const contactPatch = { type: 'object', additionalProperties: false, minProperties: 1, properties: contactFields } as const;
export const contactSchema = {
  type: 'object',
  required: ['id', 'name', 'number', 'company', 'note', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    number: { type: 'string' },
    company: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;
export const contactQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { q: { type: 'string', maxLength: 64 } },
} as const;

export const personSchema = {
  type: 'object',
  required: ['id', 'username', 'name', 'role'],
  properties: { id: { type: 'integer' }, username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
} as const;
export const messageSchema = {
  type: 'object',
  required: ['id', 'fromId', 'toId', 'text', 'createdAt', 'readAt'],
  properties: {
    id: { type: 'integer' },
    fromId: { type: 'integer' },
    toId: { type: 'integer' },
    text: { type: 'string' },
    createdAt: { type: 'string' },
    readAt: { type: ['string', 'null'] },
  },
} as const;
export const messageBody = {
  type: 'object',
  additionalProperties: false,
  required: ['to', 'text'],
  properties: {
    to: {
      anyOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', pattern: '^[a-zA-Z0-9._-]{2,64}$' },
      ],
      description: 'the account id or username of the recipient',
    },
    text: { ...text(1, 2000), pattern: '\\S' },
  },
} as const;
export const conversationsSchema = {
  type: 'object',
  required: ['unread', 'items'],
  properties: {
    unread: { type: 'integer', description: 'messages to me not read yet, from everyone' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['with', 'last', 'unread'],
        properties: { with: personSchema, last: messageSchema, unread: { type: 'integer' } },
      },
    },
  },
} as const;
export const readBody = {
  type: 'object',
  additionalProperties: false,
  properties: { upTo: { type: 'integer', minimum: 1, description: 'the last message read (default: all)' } },
} as const;
export const readReply = {
  type: 'object',
  required: ['marked', 'unread'],
  properties: { marked: { type: 'integer' }, unread: { type: 'integer' } },
} as const;
export const localeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['locale'],
  properties: { locale: { type: ['string', 'null'], enum: ['zh-CN', 'en', null] } },
} as const;
