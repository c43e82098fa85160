// Shared schedules and holiday lists (migration 0011, src/ivr/schedules.ts).
// The store keeps a snapshot of both in memory, refreshed after every change,
// which IVR sessions read without a query (SharedCalendars). A client mistake
// (a date that does not exist, a range that ends before it starts, an unknown
// time zone or holiday list) is CTI_ERR_BAD_ARGUMENT and changes nothing; a
// list or schedule still in use is CTI_ERR_CONFLICT.
import { DataTypes, type Model, type ModelStatic } from 'sequelize';
import { CtiError } from '../native/errors.ts';
import { rangeIssues, WEEKDAYS, type HolidayList, type Schedule, type SharedCalendars } from '../ivr/schedules.ts';
import { validDay, validZone } from '../ivr/validate.ts';
import { conflict } from './accounts.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';

export type ScheduleInput = Omit<Schedule, 'name' | 'description' | 'timezone' | 'holidays'> & {
  description?: string | null;
  timezone?: string | null;
  holidays?: string[];
};
export type HolidayListInput = Omit<HolidayList, 'name' | 'description'> & { description?: string | null };
export type StoredSchedule = Schedule & { updatedBy: string | null; updatedAt: string };
export type StoredHolidayList = HolidayList & { updatedBy: string | null; updatedAt: string };

type Kind = 'schedule' | 'holidays';

const common = {
  name: { type: DataTypes.STRING(64), primaryKey: true },
  description: { type: DataTypes.STRING(256), allowNull: true },
  updatedBy: { type: DataTypes.STRING(64), allowNull: true },
};

function models(db: Database): { Schedule: ModelStatic<Model>; HolidayList: ModelStatic<Model> } {
  const s = db.sequelize;
  if (!s.isDefined('Schedule')) {
    s.define(
      'Schedule',
      {
        ...common,
        timezone: { type: DataTypes.STRING(64), allowNull: true },
        hours: { type: DataTypes.JSON, allowNull: false },
        holidays: { type: DataTypes.JSON, allowNull: false },
      },
      { tableName: 'schedules' },
    );
    s.define('HolidayList', { ...common, days: { type: DataTypes.JSON, allowNull: false } }, { tableName: 'holiday_lists' });
  }
  return { Schedule: s.model('Schedule'), HolidayList: s.model('HolidayList') };
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const when = (v: unknown) => new Date(v as string).toISOString();

function scheduleOf(r: Record<string, unknown>): StoredSchedule {
  return {
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    timezone: (r.timezone as string | null) ?? null,
    hours: json(r.hours),
    holidays: json(r.holidays),
    updatedBy: (r.updatedBy as string | null) ?? null,
    updatedAt: when(r.updatedAt),
  };
}

function listOf(r: Record<string, unknown>): StoredHolidayList {
  return {
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    days: json(r.days),
    updatedBy: (r.updatedBy as string | null) ?? null,
    updatedAt: when(r.updatedAt),
  };
}

const bad = (msg: string) => new CtiError('CTI_ERR_BAD_ARGUMENT', msg);

export class CalendarStore implements SharedCalendars {
  #schedules = new Map<string, StoredSchedule>();
  #lists = new Map<string, StoredHolidayList>();
  /** who uses a schedule or list besides the store (the IVR flows in service): their names */
  usedBy: (kind: Kind, name: string) => string[] = () => [];
  #loaded: Promise<void> | undefined;

  constructor(private readonly db: Database) {}

  get #m() {
    return models(this.db);
  }

  /** Loads the snapshot IVR sessions read (the server does at start). */
  warm(): Promise<void> {
    this.#loaded ??= this.#reload();
    this.#loaded.catch(() => (this.#loaded = undefined));
    return this.#loaded;
  }

  async #reload(): Promise<void> {
    const [s, l] = await Promise.all([this.#m.Schedule.findAll(), this.#m.HolidayList.findAll()]);
    this.#schedules = new Map(s.map((r) => [r.get('name') as string, scheduleOf(plain(r))]));
    this.#lists = new Map(l.map((r) => [r.get('name') as string, listOf(plain(r))]));
  }

  schedule(name: string): StoredSchedule | undefined {
    return this.#schedules.get(name);
  }
  holidays(name: string): StoredHolidayList | undefined {
    return this.#lists.get(name);
  }
  scheduleNames(): string[] {
    return [...this.#schedules.keys()];
  }
  holidayNames(): string[] {
    return [...this.#lists.keys()];
  }

  async listSchedules(): Promise<StoredSchedule[]> {
    await this.warm();
    return [...this.#schedules.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
  async listHolidays(): Promise<StoredHolidayList[]> {
    await this.warm();
    return [...this.#lists.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async getSchedule(name: string): Promise<StoredSchedule> {
    await this.warm();
    const s = this.#schedules.get(name);
    if (!s) throw new CtiError('CTI_ERR_NOT_FOUND', `no schedule '${name}'`);
    return s;
  }
  async getHolidays(name: string): Promise<StoredHolidayList> {
    await this.warm();
    const l = this.#lists.get(name);
    if (!l) throw new CtiError('CTI_ERR_NOT_FOUND', `no holiday list '${name}'`);
    return l;
  }

  /** Creates (create: true, 409 when it exists) or replaces (404 when it does not) a schedule. */
  async putSchedule(name: string, input: ScheduleInput, by: string | null, create: boolean): Promise<StoredSchedule> {
    await this.warm();
    this.#checkSchedule(input);
    const row = {
      name,
      description: input.description ?? null,
      timezone: input.timezone ?? null,
      hours: Object.fromEntries(WEEKDAYS.map((d) => [d, input.hours[d] ?? []])),
      holidays: input.holidays ?? [],
      updatedBy: by,
    };
    await this.#write(this.#m.Schedule, 'schedule', name, row, create);
    return this.#schedules.get(name)!;
  }

  async putHolidays(name: string, input: HolidayListInput, by: string | null, create: boolean): Promise<StoredHolidayList> {
    await this.warm();
    this.#checkDays(input);
    const row = { name, description: input.description ?? null, days: input.days, updatedBy: by };
    await this.#write(this.#m.HolidayList, 'holiday list', name, row, create);
    return this.#lists.get(name)!;
  }

  async removeSchedule(name: string): Promise<void> {
    await this.getSchedule(name);
    this.#inUse(`schedule '${name}'`, this.usedBy('schedule', name));
    await this.db.tx((transaction) => this.#m.Schedule.destroy({ where: { name }, transaction }));
    await this.#reload();
  }

  async removeHolidays(name: string): Promise<void> {
    await this.getHolidays(name);
    const schedules = [...this.#schedules.values()].filter((s) => s.holidays.includes(name)).map((s) => `schedule ${s.name}`);
    this.#inUse(`holiday list '${name}'`, [...schedules, ...this.usedBy('holidays', name)]);
    await this.db.tx((transaction) => this.#m.HolidayList.destroy({ where: { name }, transaction }));
    await this.#reload();
  }

  #inUse(what: string, users: string[]): void {
    if (users.length) throw new CtiError('CTI_ERR_CONFLICT', `${what} is in use by ${users.join(', ')}`);
  }

  async #write(m: ModelStatic<Model>, what: string, name: string, row: Record<string, unknown>, create: boolean): Promise<void> {
    await this.db
      .tx(async (transaction) => {
        if (create) return m.create(row, { transaction });
        const r = await m.findByPk(name, { transaction });
        if (!r) throw new CtiError('CTI_ERR_NOT_FOUND', `no ${what} '${name}'`);
        return r.update(row, { transaction });
      })
      .catch((e) => conflict(e, `${what} '${name}'`));
    await this.#reload();
  }

  #checkSchedule(s: ScheduleInput): void {
    if (s.timezone && !validZone(s.timezone)) throw bad(`timezone: unknown time zone '${s.timezone}' (an IANA name: Asia/Shanghai)`);
    for (const d of WEEKDAYS) {
      const issue = rangeIssues(s.hours[d] ?? [])[0];
      if (issue) throw bad(`hours.${d}[${issue[0]}]: ${issue[1]}`);
    }
    (s.holidays ?? []).forEach((h, i) => {
      if (!this.#lists.has(h)) throw bad(`holidays[${i}]: no holiday list '${h}' (have ${this.holidayNames().join(', ') || 'none'})`);
    });
  }

  #checkDays(l: HolidayListInput): void {
    l.days.forEach((d, i) => {
      for (const k of ['from', 'to'] as const) {
        const v = d[k];
        if (v !== undefined && !validDay(v)) throw bad(`days[${i}].${k}: no such date '${v}'`);
      }
      if (d.to !== undefined && d.to.length !== d.from.length)
        throw bad(`days[${i}].to: '${d.to}' and '${d.from}' must both be YYYY-MM-DD or both MM-DD`);
      if (d.to !== undefined && d.from.length === 10 && d.to < d.from) throw bad(`days[${i}].to: ${d.to} is before ${d.from}`);
      const issue = rangeIssues(d.hours ?? [])[0];
      if (issue) throw bad(`days[${i}].hours[${issue[0]}]: ${issue[1]}`);
    });
  }
}
