// Click-to-dial from any list: the signed-in account's desk phone rings (POST
// /api/extensions/{ext}/dial), and the number is dialled once the handset is
// lifted. Numbers as people write them (spaces, dashes, brackets) are dialled
// as their digits.
import { ElMessage } from 'element-plus';
import { call, ApiError } from '../../api/client.ts';
import { i18n } from '../../i18n/index.ts';
import { useSession } from '../../stores/session.ts';

/** The digits of a number as written ("+86 (138) 0013-8000" → "+8613800138000"). */
export function dialable(number: string): string {
  return number.trim().replace(/[\s()-]/g, '');
}

export async function dial(number: string): Promise<void> {
  const t = i18n.global.t;
  const ext = useSession().account?.extension;
  if (!ext) {
    ElMessage.error(t('comms.noExtension'));
    return;
  }
  const digits = dialable(number);
  try {
    await call('extDial', { params: { ext }, body: { number: digits } });
    ElMessage.success({ message: t('comms.dialing', { ext, number: digits }), duration: 5000 });
  } catch (e) {
    ElMessage.error(e instanceof ApiError ? e.message : String(e));
  }
}
