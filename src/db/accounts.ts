// Accounts: who may log in (API, console, desk phone), with a role, an
// extension (the desk phone on an FXS port, or none), skills with levels 1-9
// and groups, which the ACD routes on. Passwords and desk-phone PINs are
// scrypt hashes. Login sessions are random tokens stored hashed, with expiry.
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Op, UniqueConstraintError } from 'sequelize';
import { CtiError } from '../native/errors.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';
import { hashSecret, verifySecret } from './password.ts';

export const ROLES = ['agent', 'supervisor', 'admin', 'technician'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ['zh-CN', 'en'] as const;
/** the language of the console the account chose (none: the browser's) */
export type Locale = (typeof LOCALES)[number];

export interface Account {
  id: number;
  username: string;
  name: string;
  role: Role;
  /** the agent id keyed on the desk phone (*11 id # PIN #) */
  agentNumber: string | null;
  extension: string | null;
  /** skill name → level 1 (basic) .. 9 (expert) */
  skills: Record<string, number>;
  groups: string[];
  enabled: boolean;
  hasPin: boolean;
  locale: Locale | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountInput {
  username: string;
  name: string;
  role: Role;
  password: string;
  pin?: string | null;
  agentNumber?: string | null;
  extension?: string | null;
  skills?: Record<string, number>;
  groups?: string[];
  enabled?: boolean;
}

export type AccountPatch = Partial<AccountInput>;

interface UserRow {
  id: number;
  username: string;
  name: string;
  role: Role;
  agentNumber: string | null;
  extension: string | null;
  passwordHash: string;
  pinHash: string | null;
  skills: Record<string, number>;
  groups: string[];
  enabled: boolean;
  locale?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function account(r: UserRow): Account {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    agentNumber: r.agentNumber ?? null,
    extension: r.extension ?? null,
    skills: r.skills,
    groups: r.groups,
    enabled: Boolean(r.enabled),
    hasPin: r.pinHash !== null,
    locale: (LOCALES as readonly string[]).includes(r.locale ?? '') ? (r.locale as Locale) : null,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

function checkSkills(skills: Record<string, number> | undefined): void {
  for (const [k, v] of Object.entries(skills ?? {})) {
    if (!Number.isInteger(v) || v < 1 || v > 9) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `skill '${k}': level ${v} is not 1-9`);
  }
}

/** A unique column refused the change: say which, in the CTI vocabulary. */
export function conflict(e: unknown, what: string): never {
  if (e instanceof UniqueConstraintError) {
    // PostgreSQL names the fields as an object's keys, SQLite as an array
    const f: unknown = e.fields;
    const fields =
      (Array.isArray(f) ? (f as string[]) : Object.keys(f ?? {}))
        .map((c) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()))
        .join(', ') || 'a unique field'; // as the API names them (agent_number: agentNumber)
    throw new CtiError('CTI_ERR_CONFLICT', `${what}: ${fields} already taken`);
  }
  throw e;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Emits 'account:changed' (id) after a create, update or removal: the ACD's agents follow their accounts. */
export class AccountStore extends EventEmitter {
  constructor(private readonly db: Database) {
    super();
  }

  async create(input: AccountInput): Promise<Account> {
    checkSkills(input.skills);
    const { password, pin, ...rest } = input;
    const row = {
      ...rest,
      skills: input.skills ?? {},
      groups: input.groups ?? [],
      passwordHash: await hashSecret(password),
      pinHash: pin ? await hashSecret(pin) : null,
    };
    const created = await this.db
      .tx((transaction) => this.db.models.User.create(row, { transaction }))
      .catch((e) => conflict(e, `account '${input.username}'`));
    const a = account(plain(created));
    this.emit('account:changed', a.id);
    return a;
  }

  async update(id: number, patch: AccountPatch): Promise<Account> {
    checkSkills(patch.skills);
    const { password, pin, ...rest } = patch;
    const values: Record<string, unknown> = { ...rest };
    if (password !== undefined) values.passwordHash = await hashSecret(password);
    if (pin !== undefined) values.pinHash = pin ? await hashSecret(pin) : null;
    const row = await this.db
      .tx(async (transaction) => {
        const r = await this.db.models.User.findByPk(id, { transaction });
        if (!r) throw new CtiError('CTI_ERR_NOT_FOUND', `no account ${id}`);
        await r.update(values, { transaction });
        // A changed password or a disabled account ends its sessions.
        if (password !== undefined || values.enabled === false)
          await this.db.models.Session.destroy({ where: { userId: id }, transaction });
        return r;
      })
      .catch((e) => conflict(e, `account ${id}`));
    this.emit('account:changed', id);
    return account(plain(row));
  }

  /** The account's own choice of language (PATCH /api/auth/me). */
  async setLocale(id: number, locale: Locale | null): Promise<Account> {
    const row = await this.db.tx(async (transaction) => {
      const r = await this.db.models.User.findByPk(id, { transaction });
      if (!r) throw new CtiError('CTI_ERR_NOT_FOUND', `no account ${id}`);
      return r.update({ locale }, { transaction });
    });
    return account(plain(row));
  }

  async get(id: number): Promise<Account | undefined> {
    const r = await this.db.models.User.findByPk(id);
    return r ? account(plain(r)) : undefined;
  }

  async byUsername(username: string): Promise<Account | undefined> {
    const r = await this.db.models.User.findOne({ where: { username } });
    return r ? account(plain(r)) : undefined;
  }

  async byExtension(extension: string): Promise<Account[]> {
    const rows = await this.db.models.User.findAll({ where: { extension, enabled: true }, order: [['id', 'ASC']] });
    return rows.map((r) => account(plain(r)));
  }

  async list(opts: { role?: Role; group?: string } = {}): Promise<Account[]> {
    const rows = await this.db.models.User.findAll({ where: opts.role ? { role: opts.role } : {}, order: [['id', 'ASC']] });
    const all = rows.map((r) => account(plain(r)));
    return opts.group ? all.filter((a) => a.groups.includes(opts.group!)) : all;
  }

  async count(): Promise<number> {
    return this.db.models.User.count();
  }

  async remove(id: number): Promise<void> {
    const n = await this.db.tx((transaction) => this.db.models.User.destroy({ where: { id }, transaction }));
    if (!n) throw new CtiError('CTI_ERR_NOT_FOUND', `no account ${id}`);
    this.emit('account:changed', id);
  }

  /** The enabled accounts with an agent number: the agents the ACD routes to. */
  async agents(): Promise<Account[]> {
    const rows = await this.db.models.User.findAll({ where: { agentNumber: { [Op.ne]: null }, enabled: true }, order: [['id', 'ASC']] });
    return rows.map((r) => account(plain(r)));
  }

  /** The enabled account with this username and password. */
  async verifyPassword(username: string, password: string): Promise<Account | undefined> {
    const r = await this.db.models.User.findOne({ where: { username } });
    if (!r) {
      await hashSecret(password); // the same time whether the name exists or not
      return undefined;
    }
    const u = plain<UserRow>(r);
    return u.enabled && (await verifySecret(password, u.passwordHash)) ? account(u) : undefined;
  }

  /** Desk-phone login: the enabled account with this agent number and PIN. */
  async verifyPin(agentNumber: string, pin: string): Promise<Account | undefined> {
    const r = await this.db.models.User.findOne({ where: { agentNumber } });
    if (!r) return undefined;
    const u = plain<UserRow>(r);
    return u.enabled && u.pinHash && (await verifySecret(pin, u.pinHash)) ? account(u) : undefined;
  }

  /** A new login token for `userId`, valid for ttlMs. Only its hash is stored. */
  async createSession(userId: number, ttlMs: number, now = Date.now()): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + ttlMs);
    await this.db.tx(async (transaction) => {
      await this.db.models.Session.destroy({ where: { expiresAt: { [Op.lt]: new Date(now) } }, transaction });
      await this.db.models.Session.create({ tokenHash: tokenHash(token), userId, expiresAt }, { transaction });
    });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** The account a token logs in, if the token is known, unexpired and the account enabled. */
  async sessionAccount(token: string, now = Date.now()): Promise<Account | undefined> {
    const s = await this.db.models.Session.findByPk(tokenHash(token));
    if (!s) return undefined;
    const { userId, expiresAt } = plain<{ userId: number; expiresAt: Date }>(s);
    if (new Date(expiresAt).getTime() <= now) return undefined;
    const a = await this.get(userId);
    return a?.enabled ? a : undefined;
  }

  async endSession(token: string): Promise<void> {
    await this.db.tx((transaction) => this.db.models.Session.destroy({ where: { tokenHash: tokenHash(token) }, transaction }));
  }
}
