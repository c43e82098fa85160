// Customers: name, company, contacts, phone numbers (stored as typed and
// normalised for look-up), address, notes, a VIP flag and a priority the ACD
// can queue on, a category and a region reports group by, and a history of
// contacts (calls, notes, visits).
import { col, fn, Op, where as sqlWhere, type Transaction } from 'sequelize';
import { CtiError } from '../native/errors.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';
import { normalizeNumber } from './phone-number.ts';

export interface Contact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export interface CustomerPhone {
  number: string;
  label?: string | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  kind: 'call' | 'note' | 'email' | 'visit';
  callId: string | null;
  userId: number | null;
  summary: string;
}

export interface Customer {
  id: number;
  name: string;
  company: string | null;
  contacts: Contact[];
  phones: (CustomerPhone & { normalized: string })[];
  address: string | null;
  notes: string | null;
  vip: boolean;
  /** 0 (normal) .. 9: callers with a higher priority queue ahead */
  priority: number;
  /** e.g. 'retail', 'wholesale' (free text; reports group by it) */
  category: string | null;
  /** e.g. 'south', 'Guangdong' (free text; reports group by it) */
  region: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerInput {
  name: string;
  company?: string | null;
  contacts?: Contact[];
  phones?: CustomerPhone[];
  address?: string | null;
  notes?: string | null;
  vip?: boolean;
  priority?: number;
  category?: string | null;
  region?: string | null;
}

export interface CustomerQuery {
  /** part of the name or company, or of a phone number */
  q?: string;
  vip?: boolean;
  /** exactly this category / region */
  category?: string;
  region?: string;
  offset?: number;
  limit?: number;
}

interface Row {
  id: number;
  name: string;
  company: string | null;
  contacts: Contact[];
  address: string | null;
  notes: string | null;
  vip: boolean;
  priority: number;
  category: string | null;
  region: string | null;
  createdAt: Date;
  updatedAt: Date;
  phones?: { number: string; normalized: string; label: string | null }[];
}

function customer(r: Row): Customer {
  return {
    id: r.id,
    name: r.name,
    company: r.company,
    contacts: r.contacts,
    phones: (r.phones ?? []).map((p) => ({ number: p.number, normalized: p.normalized, label: p.label })),
    address: r.address,
    notes: r.notes,
    vip: Boolean(r.vip),
    priority: r.priority,
    category: r.category ?? null,
    region: r.region ?? null,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

export class CustomerStore {
  constructor(private readonly db: Database) {}

  #include() {
    return [{ model: this.db.models.CustomerPhone, as: 'phones' }];
  }

  async #setPhones(id: number, phones: CustomerPhone[], transaction: Transaction): Promise<void> {
    await this.db.models.CustomerPhone.destroy({ where: { customerId: id }, transaction });
    const rows = phones.map((p) => ({ customerId: id, number: p.number, normalized: normalizeNumber(p.number), label: p.label ?? null }));
    const bad = rows.find((r) => r.normalized.replace('+', '').length < 3);
    if (bad) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `phone number '${bad.number}' has too few digits`);
    await this.db.models.CustomerPhone.bulkCreate(rows, { transaction });
  }

  async create(input: CustomerInput): Promise<Customer> {
    const id = await this.db.tx(async (transaction) => {
      const { phones, ...rest } = input;
      const r = await this.db.models.Customer.create({ ...rest, contacts: input.contacts ?? [] }, { transaction });
      const cid = plain<Row>(r).id;
      await this.#setPhones(cid, phones ?? [], transaction);
      return cid;
    });
    return (await this.get(id))!;
  }

  async update(id: number, patch: Partial<CustomerInput>): Promise<Customer> {
    await this.db.tx(async (transaction) => {
      const r = await this.db.models.Customer.findByPk(id, { transaction });
      if (!r) throw new CtiError('CTI_ERR_NOT_FOUND', `no customer ${id}`);
      const { phones, ...rest } = patch;
      await r.update(rest, { transaction });
      if (phones) await this.#setPhones(id, phones, transaction);
    });
    return (await this.get(id))!;
  }

  async get(id: number): Promise<Customer | undefined> {
    const r = await this.db.models.Customer.findByPk(id, { include: this.#include() });
    return r ? customer(plain(r)) : undefined;
  }

  async list(q: CustomerQuery = {}): Promise<{ total: number; items: Customer[] }> {
    const where: Record<string | symbol, unknown> = {};
    if (q.vip !== undefined) where.vip = q.vip;
    if (q.category !== undefined) where.category = q.category;
    if (q.region !== undefined) where.region = q.region;
    if (q.q) {
      // the text as typed, found anywhere in the name or company whatever its case: no LIKE, so % and _ are letters
      const position = this.db.dialect === 'postgres' ? 'strpos' : 'instr';
      const text = q.q.toLowerCase();
      const has = (column: string) => sqlWhere(fn(position, fn('lower', col(column)), text), Op.gt, 0);
      const or: object[] = [has('name'), has('company')];
      // a number (or part of one): customers with a phone that has those digits (digits only: no wildcard can come in)
      const digits = q.q.replace(/[^0-9]/g, '');
      if (digits.length >= 3 && /^[+0-9 ()-]+$/.test(q.q.trim())) {
        const hits = await this.db.models.CustomerPhone.findAll({
          where: { normalized: { [Op.like]: `%${digits}%` } },
          attributes: ['customerId'],
        });
        or.push({ id: hits.map((h) => plain<{ customerId: number }>(h).customerId) });
      }
      where[Op.or] = or;
    }
    const total = await this.db.models.Customer.count({ where });
    const ids = await this.db.models.Customer.findAll({
      where,
      attributes: ['id'],
      order: [['id', 'ASC']],
      offset: q.offset ?? 0,
      limit: q.limit ?? 50,
    });
    const rows = await this.db.models.Customer.findAll({
      where: { id: ids.map((r) => plain<Row>(r).id) },
      include: this.#include(),
      order: [['id', 'ASC']],
    });
    return { total, items: rows.map((r) => customer(plain(r))) };
  }

  async remove(id: number): Promise<void> {
    const n = await this.db.tx((transaction) => this.db.models.Customer.destroy({ where: { id }, transaction }));
    if (!n) throw new CtiError('CTI_ERR_NOT_FOUND', `no customer ${id}`);
  }

  /** Customers with this phone number (as the line delivered it), VIPs and higher priority first. */
  async lookup(number: string): Promise<Customer[]> {
    const normalized = normalizeNumber(number);
    if (!normalized) return [];
    const hits = await this.db.models.CustomerPhone.findAll({ where: { normalized }, attributes: ['customerId'] });
    const ids = [...new Set(hits.map((h) => plain<{ customerId: number }>(h).customerId))];
    if (!ids.length) return [];
    const rows = await this.db.models.Customer.findAll({
      where: { id: ids },
      include: this.#include(),
      order: [
        ['vip', 'DESC'],
        ['priority', 'DESC'],
        ['id', 'ASC'],
      ],
    });
    return rows.map((r) => customer(plain(r)));
  }

  async addHistory(
    customerId: number,
    entry: Omit<HistoryEntry, 'id' | 'at' | 'callId' | 'userId'> & { at?: string; callId?: string | null; userId?: number | null },
  ): Promise<HistoryEntry> {
    const r = await this.db.tx(async (transaction) => {
      if (!(await this.db.models.Customer.findByPk(customerId, { transaction, attributes: ['id'] })))
        throw new CtiError('CTI_ERR_NOT_FOUND', `no customer ${customerId}`);
      return this.db.models.CustomerHistory.create(
        {
          customerId,
          at: entry.at ? new Date(entry.at) : new Date(),
          kind: entry.kind,
          callId: entry.callId ?? null,
          userId: entry.userId ?? null,
          summary: entry.summary,
        },
        { transaction },
      );
    });
    return historyEntry(plain(r));
  }

  /** Newest first. */
  async history(customerId: number, limit = 50): Promise<HistoryEntry[]> {
    const rows = await this.db.models.CustomerHistory.findAll({
      where: { customerId },
      order: [
        ['at', 'DESC'],
        ['id', 'DESC'],
      ],
      limit,
    });
    return rows.map((r) => historyEntry(plain(r)));
  }
}

function historyEntry(r: HistoryEntry & { at: Date | string }): HistoryEntry {
  return { id: r.id, at: new Date(r.at).toISOString(), kind: r.kind, callId: r.callId, userId: r.userId, summary: r.summary };
}
