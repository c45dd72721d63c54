import type { Action } from '../../../../src/modules/access/roles.ts';
import { useRoles } from '../reference/reference.ts';
import { useUser } from './session.tsx';

export type { Action };

/**
 * The actions the signed-in user's role may perform (as `GET /reference/roles` lists them): `undefined`
 * until the roles reference has loaded, so a screen can leave a control out rather than show it and take it
 * away. The server checks every request again; this only spares the officer a button that would answer
 * "forbidden".
 */
export function useActions(): ReadonlySet<string> | undefined {
  const user = useUser();
  const roles = useRoles();
  if (!roles) return undefined;
  return new Set(roles.find((r) => r.role === user.role)?.actions ?? []);
}

/**
 * Whether the signed-in user's role may perform `action`; `undefined` while the roles load.
 * @example const canWrite = useCan('case:write') === true;
 */
export function useCan(action: Action): boolean | undefined {
  return useActions()?.has(action);
}
