// English strings of the console: one part per area of the console
// (parts/*.ts, each with its English and Chinese side by side), merged here.
// zh-CN.ts merges the same parts; test/web/i18n.test.ts checks the keys.
import * as admin from './parts/admin.ts';
import * as comms from './parts/comms.ts';
import * as config from './parts/config.ts';
import * as core from './parts/core.ts';
import * as desk from './parts/desk.ts';

export const PARTS = { core, desk, comms, admin, config };

export default { ...core.en, ...desk.en, ...comms.en, ...admin.en, ...config.en };
