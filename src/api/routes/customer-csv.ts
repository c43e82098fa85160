// /api/customers as CSV (src/db/customer-csv.ts): POST /import takes the text
// (content type text/csv, a header row) and imports every row in one
// transaction or none (a 400 names the bad rows' lines); GET /export.csv
// answers every customer as UTF-8 CSV with a byte-order mark. Supervisors and
// admins.
import type { FastifyPluginAsync } from 'fastify';
import type { Role } from '../../db/accounts.ts';
import { CustomerCsv } from '../../db/customer-csv.ts';
import type { CallCenterContext } from '../context.ts';
import { errors } from '../schemas.ts';

const SUPERVISORS = { roles: ['supervisor'] as Role[] };
const tags = ['customers'];
const CSV_LIMIT = 20 * 1024 * 1024;

export const customerCsvRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const csv = new CustomerCsv(cc.stores.db);
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_req, body, done) => done(null, body));
  app.post<{ Body: string }>(
    '/import',
    {
      config: SUPERVISORS,
      bodyLimit: CSV_LIMIT,
      schema: {
        tags,
        summary: 'Import customers from CSV (a header row: name, company, phones, address, notes, vip, priority): all rows or none',
        consumes: ['text/csv'],
        body: { type: 'string', description: 'CSV text, UTF-8; phones separated by ";"' },
        response: {
          200: { type: 'object', required: ['imported'], properties: { imported: { type: 'integer' } } },
          ...errors,
        },
      },
    },
    async (req) => ({ imported: await csv.import(req.body) }),
  );
  app.get(
    '/export.csv',
    {
      config: SUPERVISORS,
      schema: {
        tags,
        summary: 'Every customer as CSV (UTF-8 with a byte-order mark; the columns import takes)',
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'text/csv' }, ...errors },
      },
    },
    async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="customers.csv"')
        .send(await csv.export()),
  );
};
