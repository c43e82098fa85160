// Personal address books: each account's own contacts (name, number, company,
// note). Every read and change names the owner, so one account never sees or
// changes another's entries (an entry of someone else is "not found").
import { DataTypes, type Model, type ModelStatic } from 'sequelize';
import { CtiError } from '../native/errors.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';

export interface Contact {
  id: number;
  name: string;
  number: string;
  company: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  name: string;
  number: string;
  company?: string | null;
  note?: string | null;
}

type Row = Contact & { userId: number; createdAt: Date | string; updatedAt: Date | string };

function contact(r: Row): Contact {
  return {
    id: r.id,
    name: r.name,
    number: r.number,
    company: r.company ?? null,
    note: r.note ?? null,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

function model(db: Database): ModelStatic<Model> {
  return (
    db.sequelize.models.Contact ??
    db.sequelize.define(
      'Contact',
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        userId: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING(128), allowNull: false },
        number: { type: DataTypes.STRING(40), allowNull: false },
        company: { type: DataTypes.STRING(128), allowNull: true },
        note: { type: DataTypes.TEXT, allowNull: true },
      },
      { tableName: 'contacts' },
    )
  );
}

export class ContactStore {
  readonly #m: ModelStatic<Model>;
  constructor(private readonly db: Database) {
    this.#m = model(db);
  }

  /** The owner's contacts by name; `q` matches part of a name, number or company, in any case. */
  async list(userId: number, q?: string): Promise<Contact[]> {
    const rows = await this.#m.findAll({
      where: { userId },
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const all = rows.map((r) => contact(plain(r)));
    const needle = q?.toLowerCase();
    return needle ? all.filter((c) => [c.name, c.number, c.company ?? ''].some((v) => v.toLowerCase().includes(needle))) : all;
  }

  async create(userId: number, input: ContactInput): Promise<Contact> {
    const r = await this.db.tx((transaction) =>
      this.#m.create({ ...input, company: input.company ?? null, note: input.note ?? null, userId }, { transaction }),
    );
    return contact(plain(r));
  }

  async update(userId: number, id: number, patch: Partial<ContactInput>): Promise<Contact> {
    const r = await this.db.tx(async (transaction) => {
      const row = await this.#m.findOne({ where: { id, userId }, transaction });
      if (!row) throw new CtiError('CTI_ERR_NOT_FOUND', `no contact ${id} in your address book`);
      return row.update(patch, { transaction });
    });
    return contact(plain(r));
  }

  async remove(userId: number, id: number): Promise<void> {
    const n = await this.db.tx((transaction) => this.#m.destroy({ where: { id, userId }, transaction }));
    if (!n) throw new CtiError('CTI_ERR_NOT_FOUND', `no contact ${id} in your address book`);
  }
}
