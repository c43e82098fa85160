// sequelize models over the tables the migrations create (the migrations own
// the schema; models never sync). Column names are snake_case, attributes
// camelCase. Stores (accounts.ts, customers.ts, ...) turn rows into plain
// objects, so nothing outside src/db handles a sequelize instance.
import { DataTypes, Model, type ModelStatic, type Sequelize } from 'sequelize';

export interface Models {
  User: ModelStatic<Model>;
  Session: ModelStatic<Model>;
  Customer: ModelStatic<Model>;
  CustomerPhone: ModelStatic<Model>;
  CustomerHistory: ModelStatic<Model>;
  CallRecord: ModelStatic<Model>;
  CallLeg: ModelStatic<Model>;
  Blacklist: ModelStatic<Model>;
  AgentStatus: ModelStatic<Model>;
  AgentEvent: ModelStatic<Model>;
  ExtensionSetting: ModelStatic<Model>;
}

const json = (dflt: unknown) => ({ type: DataTypes.JSON, allowNull: false, defaultValue: dflt });
const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull });
const ms = () => ({ type: DataTypes.BIGINT, allowNull: true });

export function defineModels(s: Sequelize): Models {
  const User = s.define(
    'User',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      username: str(64, false),
      name: str(128, false),
      role: str(16, false),
      agentNumber: str(16),
      extension: str(8),
      passwordHash: str(256, false),
      pinHash: str(256),
      skills: json({}),
      groups: json([]),
      enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      locale: str(8),
    },
    { tableName: 'users' },
  );
  const Session = s.define(
    'Session',
    {
      tokenHash: { type: DataTypes.STRING(64), primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'sessions', updatedAt: false },
  );
  const Customer = s.define(
    'Customer',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: str(128, false),
      company: str(128),
      contacts: json([]),
      address: { type: DataTypes.TEXT, allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      vip: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      priority: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      category: str(64),
      region: str(64),
    },
    { tableName: 'customers' },
  );
  const CustomerPhone = s.define(
    'CustomerPhone',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      customerId: { type: DataTypes.INTEGER, allowNull: false },
      number: str(40, false),
      normalized: str(32, false),
      label: str(32),
    },
    { tableName: 'customer_phones', timestamps: false },
  );
  const CustomerHistory = s.define(
    'CustomerHistory',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      customerId: { type: DataTypes.INTEGER, allowNull: false },
      at: { type: DataTypes.DATE, allowNull: false },
      kind: str(16, false),
      callId: str(64),
      userId: { type: DataTypes.INTEGER, allowNull: true },
      summary: { type: DataTypes.TEXT, allowNull: false },
    },
    { tableName: 'customer_history', timestamps: false },
  );
  Customer.hasMany(CustomerPhone, { as: 'phones', foreignKey: 'customerId', onDelete: 'CASCADE' });
  Customer.hasMany(CustomerHistory, { as: 'history', foreignKey: 'customerId', onDelete: 'CASCADE' });

  const CallRecord = s.define(
    'CallRecord',
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      direction: str(16, false),
      fromNumber: str(40),
      toNumber: str(40),
      state: str(16, false),
      result: str(16, false),
      startedAt: { type: DataTypes.DATE, allowNull: false },
      startMs: { type: DataTypes.BIGINT, allowNull: false },
      answerMs: ms(),
      endMs: ms(),
      durationMs: ms(),
      waitMs: ms(),
      talkMs: ms(),
      holdMs: ms(),
      wrapUpMs: ms(),
      queue: str(64),
      agent: str(64),
      cause: str(32),
      detail: { type: DataTypes.TEXT, allowNull: true },
      transfers: json([]),
      recording: str(512),
      vars: json({}),
      disposition: str(32),
      dispositionNote: { type: DataTypes.TEXT, allowNull: true },
    },
    { tableName: 'call_records', timestamps: false },
  );
  const CallLeg = s.define(
    'CallLeg',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      callId: { type: DataTypes.STRING(64), allowNull: false },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      legId: str(80, false),
      board: { type: DataTypes.INTEGER, allowNull: false },
      span: { type: DataTypes.INTEGER, allowNull: false },
      channel: { type: DataTypes.INTEGER, allowNull: false },
      kind: str(16, false),
      extension: str(8),
      direction: str(16, false),
      remote: str(40),
      callerId: str(40),
      startMs: { type: DataTypes.BIGINT, allowNull: false },
      answerMs: ms(),
      endMs: ms(),
      cause: str(32),
      detail: { type: DataTypes.TEXT, allowNull: true },
      digits: str(128, false),
      history: json([]),
    },
    { tableName: 'call_legs', timestamps: false },
  );
  CallRecord.hasMany(CallLeg, { as: 'legs', foreignKey: 'callId', onDelete: 'CASCADE' });

  const Blacklist = s.define(
    'Blacklist',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      pattern: str(40, false),
      action: str(16, false),
      target: str(40),
      note: { type: DataTypes.TEXT, allowNull: true },
    },
    { tableName: 'blacklist' },
  );
  const AgentStatus = s.define(
    'AgentStatus',
    {
      agentId: { type: DataTypes.STRING(32), primaryKey: true },
      state: str(16, false),
      reason: str(64),
      sinceMs: { type: DataTypes.BIGINT, allowNull: false },
      callId: str(64),
      queue: str(64),
    },
    { tableName: 'agent_status', createdAt: false },
  );
  const AgentEvent = s.define(
    'AgentEvent',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      agentId: str(32, false),
      fromState: str(16, false),
      toState: str(16, false),
      reason: str(64),
      why: { type: DataTypes.TEXT, allowNull: false },
      atMs: { type: DataTypes.BIGINT, allowNull: false },
      at: { type: DataTypes.DATE, allowNull: false },
      callId: str(64),
      queue: str(64),
    },
    { tableName: 'agent_events', timestamps: false },
  );
  const ExtensionSetting = s.define(
    'ExtensionSetting',
    {
      extension: { type: DataTypes.STRING(16), primaryKey: true },
      dnd: { type: DataTypes.BOOLEAN, allowNull: false },
      forward: json({}),
      noAnswerMs: { type: DataTypes.INTEGER, allowNull: true },
      campOn: json([]),
    },
    { tableName: 'extension_settings', createdAt: false },
  );
  return {
    User,
    Session,
    Customer,
    CustomerPhone,
    CustomerHistory,
    CallRecord,
    CallLeg,
    Blacklist,
    AgentStatus,
    AgentEvent,
    ExtensionSetting,
  };
}

/** A row as a plain object. */
export function plain<T>(row: Model): T {
  return row.get({ plain: true }) as T;
}

/** BIGINT columns come back from PostgreSQL as strings. */
export function num(v: unknown): number;
export function num(v: unknown, nullable: true): number | null;
export function num(v: unknown, nullable?: true): number | null {
  if (v === null || v === undefined) {
    if (nullable) return null;
    throw new TypeError('missing number');
  }
  return typeof v === 'number' ? v : Number(v);
}
