import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../../api/client.ts';
import type { MfaState, User } from '../../api/types.ts';
import { toApiError } from '../../api/use-resource.ts';

export type SessionState =
  | { status: 'loading' }
  /** `initial`: not signed in when the app opened; `expired`: the server ended the session; `signed_out`: the user did. */
  | { status: 'signed_out'; reason: 'initial' | 'expired' | 'signed_out' }
  /** Signed in; while `mfa.pending` is set the app shows only the second-factor step. */
  | { status: 'signed_in'; user: User; mfa: MfaState }
  | { status: 'unreachable'; error: ApiError };

interface SessionContextValue {
  session: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** The second factor was set up or verified in this session: the app opens. */
  mfaDone(mfa: MfaState): void;
  retry(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  /** Ask the server whether this browser is signed in (on opening the app, and on "Retry"). */
  const check = useCallback((signal?: AbortSignal) => {
    api.me(signal).then(
      (s) => {
        setCsrfToken(s.csrf_token);
        setSession({ status: 'signed_in', user: s.user, mfa: s.mfa });
      },
      (error: unknown) => {
        if (signal?.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          setSession({ status: 'signed_out', reason: 'initial' });
        } else {
          setSession({ status: 'unreachable', error: toApiError(error) });
        }
      },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    check(controller.signal);
    return () => controller.abort();
  }, [check]);

  useEffect(() => {
    // A 401 on any request means the session ended (revoked or expired): back to sign-in.
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setSession({ status: 'signed_out', reason: 'expired' });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const s = await api.signIn(email, password);
    setCsrfToken(s.csrf_token);
    setSession({ status: 'signed_in', user: s.user, mfa: s.mfa });
  }, []);

  const mfaDone = useCallback((mfa: MfaState) => {
    setSession((current) => (current.status === 'signed_in' ? { ...current, mfa } : current));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setCsrfToken(null);
      setSession({ status: 'signed_out', reason: 'signed_out' });
    }
  }, []);

  const retry = useCallback(() => {
    setSession({ status: 'loading' });
    check();
  }, [check]);

  const value = useMemo(
    () => ({ session, signIn, signOut, mfaDone, retry }),
    [session, signIn, signOut, mfaDone, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The second-factor state of this session; only for screens rendered behind the sign-in gate. */
export function useMfa(): MfaState {
  const { session } = useSession();
  if (session.status !== 'signed_in') throw new Error('useMfa while not signed in');
  return session.mfa;
}

/** The signed-in user; only for screens rendered behind the sign-in gate. */
export function useUser(): User {
  const { session } = useSession();
  if (session.status !== 'signed_in') throw new Error('useUser while not signed in');
  return session.user;
}
