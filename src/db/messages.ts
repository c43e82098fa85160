// Short messages between accounts (agents and supervisors): stored, each read
// by its recipient once they mark it. Reads name the account asking, and only
// messages it sent or received are ever returned.
import { DataTypes, Op, type Model, type ModelStatic } from 'sequelize';
import { CtiError } from '../native/errors.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';

export interface Message {
  id: number;
  fromId: number;
  toId: number;
  text: string;
  createdAt: string;
  readAt: string | null;
}

type Row = { id: number; fromId: number; toId: number; text: string; createdAt: Date | string; readAt: Date | string | null };

function message(r: Row): Message {
  return {
    id: r.id,
    fromId: r.fromId,
    toId: r.toId,
    text: r.text,
    createdAt: new Date(r.createdAt).toISOString(),
    readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  };
}

function model(db: Database): ModelStatic<Model> {
  return (
    db.sequelize.models.Message ??
    db.sequelize.define(
      'Message',
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        fromId: { type: DataTypes.INTEGER, allowNull: false },
        toId: { type: DataTypes.INTEGER, allowNull: false },
        text: { type: DataTypes.TEXT, allowNull: false },
        readAt: { type: DataTypes.DATE, allowNull: true },
      },
      { tableName: 'messages', updatedAt: false },
    )
  );
}

/** Per correspondent: the last message and how many of theirs are unread. */
export interface Conversation {
  with: number;
  last: Message;
  unread: number;
}

export class MessageStore {
  readonly #m: ModelStatic<Model>;
  constructor(private readonly db: Database) {
    this.#m = model(db);
  }

  async send(fromId: number, toId: number, text: string): Promise<Message> {
    const r = await this.db.tx((transaction) => this.#m.create({ fromId, toId, text, readAt: null }, { transaction }));
    return message(plain(r));
  }

  /** The messages between `me` and `other`, oldest first (the last `limit`). */
  async between(me: number, other: number, limit = 200): Promise<Message[]> {
    const rows = await this.#m.findAll({
      where: {
        [Op.or]: [
          { fromId: me, toId: other },
          { fromId: other, toId: me },
        ],
      },
      order: [['id', 'DESC']],
      limit,
    });
    return rows.map((r) => message(plain(r))).reverse();
  }

  /** Everyone `me` has written with, the latest conversation first. */
  async conversations(me: number): Promise<Conversation[]> {
    const rows = await this.#m.findAll({ where: { [Op.or]: [{ fromId: me }, { toId: me }] }, order: [['id', 'DESC']] });
    const byOther = new Map<number, Conversation>();
    for (const m of rows.map((r) => message(plain(r)))) {
      const other = m.fromId === me ? m.toId : m.fromId;
      const c = byOther.get(other) ?? byOther.set(other, { with: other, last: m, unread: 0 }).get(other)!;
      if (m.toId === me && !m.readAt) c.unread++;
    }
    return [...byOther.values()];
  }

  async unread(me: number): Promise<number> {
    return this.#m.count({ where: { toId: me, readAt: null } });
  }

  /** Marks read what `other` sent to `me` (up to message `upTo`, or all); the number marked. */
  async markRead(me: number, other: number, upTo?: number): Promise<number> {
    if (me === other) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'no conversation with yourself');
    const [n] = await this.db.tx((transaction) =>
      this.#m.update(
        { readAt: new Date() },
        { where: { toId: me, fromId: other, readAt: null, ...(upTo !== undefined ? { id: { [Op.lte]: upTo } } : {}) }, transaction },
      ),
    );
    return n;
  }
}
