// What the whole /api tree is handed by the running server.
import type { CallOpsService } from '../callops/index.ts';
import type { AuthConfig } from '../config/schema.ts';
import type { CallCenterContext } from './context.ts';
import type { BoardView, HealthView, SimControl } from './views.ts';

export interface ApiContext {
  health(): HealthView;
  boards(): BoardView[];
  /** present on the simulated board */
  sim?: SimControl;
  /** accounts, customers, call records, events: present with a database */
  dataApi?: CallCenterContext | undefined;
  /** absent: no login anywhere (a runtime without a database) */
  auth?: AuthConfig;
  /** call operations on extensions (/api/extensions) */
  callOps?: CallOpsService;
}
