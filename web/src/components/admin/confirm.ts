// Asking before something is deleted: the message box's buttons in the
// console's language; resolves true when the user confirms.
import { ElMessageBox } from 'element-plus';
import { i18n } from '../../i18n/index.ts';

export async function confirmDelete(message: string): Promise<boolean> {
  const t = i18n.global.t;
  try {
    await ElMessageBox.confirm(message, t('admin.common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('admin.common.delete'),
      cancelButtonText: t('admin.common.cancel'),
      confirmButtonClass: 'el-button--danger confirm-ok',
      cancelButtonClass: 'confirm-cancel',
    });
    return true;
  } catch {
    return false;
  }
}
