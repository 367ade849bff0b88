import type { Tokens } from './tokens';

/** What one tab tells the others about the session they may share (a duplicated tab copies sessionStorage). */
export type SessionMessage =
  | { type: 'rotated'; from: string; tokens: Tokens }
  | { type: 'signed-out'; refreshToken: string };

export interface CrossTab {
  /** Runs `work` while no other tab runs its own; resolves as soon as `work` does. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  publish(message: SessionMessage): void;
  subscribe(listener: (message: SessionMessage) => void): () => void;
}

const LOCK = 'samokoder.refresh';
const CHANNEL = 'samokoder.session';

/**
 * How long a tab keeps the refresh lock after it has announced new tokens. The announcement and
 * the lock reach a waiting tab through different queues; holding the lock a little longer makes
 * the announcement arrive first, so the waiting tab adopts the new tokens instead of presenting
 * the used refresh token (which would end the session for every tab).
 */
export const HANDOFF_MS = 150;

export function browserCrossTab(): CrossTab {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return {
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      if (!locks) {
        return work();
      }
      return new Promise<T>((resolve, reject) => {
        locks
          .request(LOCK, async () => {
            try {
              resolve(await work());
            } catch (error) {
              reject(error);
            }
            await new Promise((wait) => setTimeout(wait, HANDOFF_MS));
          })
          .catch(reject);
      });
    },
    publish(message) {
      channel?.postMessage(message);
    },
    subscribe(listener) {
      if (!channel) {
        return () => {};
      }
      const onMessage = (event: MessageEvent<SessionMessage>) => listener(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}

/** A single tab: nothing to share, nothing to wait for (tests, browsers without locks). */
export function singleTab(): CrossTab {
  return {
    exclusive: (work) => work(),
    publish: () => {},
    subscribe: () => () => {},
  };
}
