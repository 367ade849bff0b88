import { useSyncExternalStore } from 'react';
import { session } from '@/lib/api';
import type { SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
