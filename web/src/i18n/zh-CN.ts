// 控制台的中文字符串：与 en.ts 合并相同的各部分（parts/*.ts）。
import type en from './en.ts';
import { PARTS } from './en.ts';

const zh: typeof en = { ...PARTS.core.zh, ...PARTS.desk.zh, ...PARTS.comms.zh, ...PARTS.admin.zh, ...PARTS.config.zh };
export default zh;
