import { useRoles } from '../reference/reference.ts';
import { useUser } from './session.tsx';

/**
 * Whether the signed-in user's role may perform `action` (as `GET /reference/roles` lists them): `undefined` until the roles reference has
 * loaded, so a screen can leave a control out rather than show it and take it away. The server checks
 * every request again; this only spares the officer a button that would answer "forbidden".
 * @example const canWrite = useCan('case:write') === true;
 */
export function useCan(action: string): boolean | undefined {
  const user = useUser();
  const roles = useRoles();
  if (!roles) return undefined;
  return roles.find((r) => r.role === user.role)?.actions.includes(action) ?? false;
}
