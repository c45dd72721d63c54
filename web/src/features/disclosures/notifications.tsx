import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client.ts';
import type { Notification } from '../../api/types.ts';

interface NotificationsValue {
  /** Unread notifications of the user's agency, newest first; empty until the first answer. */
  unread: Notification[];
  refresh(): void;
}

const NotificationsContext = createContext<NotificationsValue>({ unread: [], refresh: () => undefined });

/** Asked again at most this often when the officer moves between screens or comes back to the window. */
const minInterval = 15_000;

/**
 * The unread notifications behind the count in the top bar. They are fetched when the officer opens a screen
 * or returns to the window — never on a timer, which would keep an unattended session alive past its idle
 * timeout.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [unread, setUnread] = useState<Notification[]>([]);
  const [location] = useLocation();
  const last = useRef(0);

  const load = useCallback(() => {
    last.current = Date.now();
    api.notifications(true).then(
      (r) => setUnread(r.items),
      () => undefined,
    );
  }, []);
  const refreshIfStale = useCallback(() => {
    if (Date.now() - last.current > minInterval) load();
  }, [load]);
  useEffect(() => {
    refreshIfStale();
  }, [location, refreshIfStale]);
  useEffect(() => {
    window.addEventListener('focus', refreshIfStale);
    return () => window.removeEventListener('focus', refreshIfStale);
  }, [refreshIfStale]);

  const value = useMemo(() => ({ unread, refresh: load }), [unread, load]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsValue {
  return useContext(NotificationsContext);
}
