// Customers in and out as CSV (the admin console's import and export). The
// header row names the columns (any order; `name` is required, unknown ones
// are refused); phone numbers are one column, separated by `;`. An import
// checks every row first and writes all of them in one transaction, or none:
// a bad row is reported with its line number and nothing is saved. The export
// is UTF-8 with a byte-order mark, so spreadsheet programs open Chinese
// names correctly.
import { CtiError } from '../native/errors.ts';
import { parseCsv, formatCsv } from './csv.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';
import { normalizeNumber } from './phone-number.ts';

/** The columns, in export order. */
export const CUSTOMER_COLUMNS = ['name', 'company', 'phones', 'address', 'notes', 'vip', 'priority'] as const;
type Column = (typeof CUSTOMER_COLUMNS)[number];

const MAX_ROWS = 50_000;
const PHONE = /^\+?[0-9 ()-]{3,40}$/;
const LIMITS: Partial<Record<Column, number>> = { name: 128, company: 128, address: 1000, notes: 10000 };
const TRUE = new Set(['true', 'yes', 'y', '1', '是']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '']);

interface Row {
  name: string;
  company: string | null;
  phones: string[];
  address: string | null;
  notes: string | null;
  vip: boolean;
  priority: number;
}

/** One record checked: the row, or what is wrong with it. */
function row(cols: Column[], fields: string[]): Row | string {
  if (fields.length !== cols.length) return `${fields.length} fields, the header has ${cols.length}`;
  const v = Object.fromEntries(cols.map((c, i) => [c, fields[i]!.trim()])) as Partial<Record<Column, string>>;
  const problems: string[] = [];
  if (!v.name) problems.push('name is empty');
  for (const [c, max] of Object.entries(LIMITS)) {
    const len = v[c as Column]?.length ?? 0;
    if (len > max) problems.push(`${c} is longer than ${max} characters`);
  }
  const phones = (v.phones ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of phones)
    if (!PHONE.test(p) || normalizeNumber(p).replace('+', '').length < 3) problems.push(`phone ${JSON.stringify(p)} is not a number`);
  if (phones.length > 50) problems.push('more than 50 phones');
  const vip = (v.vip ?? '').toLowerCase();
  if (!TRUE.has(vip) && !FALSE.has(vip)) problems.push(`vip ${JSON.stringify(v.vip)} is not true or false`);
  const priority = v.priority ? Number(v.priority) : 0;
  if (!/^[0-9]?$/.test(v.priority ?? '')) problems.push(`priority ${JSON.stringify(v.priority)} is not 0-9`);
  if (problems.length) return problems.join(', ');
  return {
    name: v.name!,
    company: v.company || null,
    phones,
    address: v.address || null,
    notes: v.notes || null,
    vip: TRUE.has(vip),
    priority,
  };
}

export class CustomerCsv {
  constructor(private readonly db: Database) {}

  /** Imports every row or none; a bad row is CTI_ERR_BAD_ARGUMENT naming its line. Returns how many were imported. */
  async import(text: string): Promise<number> {
    let records;
    try {
      records = parseCsv(text);
    } catch (e) {
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', (e as Error).message);
    }
    const [header, ...data] = records;
    if (!header) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'the file is empty: the first line names the columns');
    const cols = header.fields.map((f) => f.trim().toLowerCase());
    const unknown = cols.filter((c) => !(CUSTOMER_COLUMNS as readonly string[]).includes(c));
    if (unknown.length)
      throw new CtiError(
        'CTI_ERR_BAD_ARGUMENT',
        `line 1: unknown column ${unknown.map((c) => JSON.stringify(c)).join(', ')} (have ${CUSTOMER_COLUMNS.join(', ')})`,
      );
    if (!cols.includes('name')) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'line 1: no name column');
    if (new Set(cols).size !== cols.length) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'line 1: a column is named twice');
    if (!data.length) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'no customers after the header line');
    if (data.length > MAX_ROWS) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${data.length} rows: at most ${MAX_ROWS} at once`);
    const rows: Row[] = [];
    const bad: string[] = [];
    for (const r of data) {
      const x = row(cols as Column[], r.fields);
      if (typeof x === 'string') bad.push(`line ${r.line}: ${x}`);
      else rows.push(x);
    }
    if (bad.length) {
      const shown = bad.slice(0, 20).join('; ');
      throw new CtiError(
        'CTI_ERR_BAD_ARGUMENT',
        `${bad.length} bad row(s), nothing imported: ${shown}${bad.length > 20 ? `; and ${bad.length - 20} more` : ''}`,
      );
    }
    const { Customer, CustomerPhone } = this.db.models;
    await this.db.tx(async (transaction) => {
      for (const { phones, ...rest } of rows) {
        const c = await Customer.create({ ...rest, contacts: [] }, { transaction });
        const customerId = plain<{ id: number }>(c).id;
        if (phones.length)
          await CustomerPhone.bulkCreate(
            phones.map((number) => ({ customerId, number, normalized: normalizeNumber(number), label: null })),
            { transaction },
          );
      }
    });
    return rows.length;
  }

  /** Every customer, oldest first, as CSV text with a byte-order mark. */
  async export(): Promise<string> {
    const rows = await this.db.models.Customer.findAll({
      include: [{ model: this.db.models.CustomerPhone, as: 'phones' }],
      order: [
        ['id', 'ASC'],
        [{ model: this.db.models.CustomerPhone, as: 'phones' }, 'id', 'ASC'],
      ],
    });
    const out: string[][] = [[...CUSTOMER_COLUMNS]];
    for (const r of rows) {
      const c = plain<Omit<Row, 'phones'> & { phones?: { number: string }[] }>(r);
      out.push([
        c.name,
        c.company ?? '',
        (c.phones ?? []).map((p) => p.number).join('; '),
        c.address ?? '',
        c.notes ?? '',
        c.vip ? 'true' : 'false',
        String(c.priority),
      ]);
    }
    return '\uFEFF' + formatCsv(out);
  }
}
