import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { RunEvent } from '../api/types';
import { eventAgent, eventText, eventTone, executionFacts } from './run-state';
import { isToolCall } from './tool-calls';
import styles from './run-view.module.css';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : time.format(date);
}

/**
 * The run's events, oldest first, in a box that follows the newest while the person has not
 * scrolled up. Failures (the executor's failed commands, with exit code and duration) are marked
 * and can be shown alone. The agents' tool calls (what they read, wrote, edited) are small lines
 * that can be hidden.
 */
export function RunTimeline({ events }: { events: RunEvent[] }) {
  const headingId = useId();
  const filterId = useId();
  const toolCallsId = useId();
  const [failuresOnly, setFailuresOnly] = useState(false);
  // shown at first: while an agent works for a minute they are the only lines that move, and what
  // it read and changed is what a person watching wants to see; they are small, and those who
  // follow the milestones hide them with one click
  const [toolCallsShown, setToolCallsShown] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  // refused tool calls are not counted here: the run goes on, the agent was told why
  const failures = events.filter((event) => eventTone(event) === 'failure').length;
  const toolCalls = events.filter(isToolCall).length;
  const shown = failuresOnly
    ? events.filter((event) => eventTone(event) === 'failure')
    : toolCallsShown
      ? events
      : events.filter((event) => !isToolCall(event));

  useLayoutEffect(() => {
    const element = box.current;
    if (element && following.current) {
      element.scrollTop = element.scrollHeight;
    }
  }, [shown.length]);

  return (
    <section className={styles.timeline} aria-labelledby={headingId}>
      <div className={styles.timelineTop}>
        <h3 id={headingId}>Timeline</h3>
        <div className={styles.filters}>
          <label className={styles.filter} htmlFor={toolCallsId}>
            <input
              id={toolCallsId}
              type="checkbox"
              checked={toolCallsShown}
              disabled={failuresOnly}
              onChange={(e) => setToolCallsShown(e.target.checked)}
            />
            Tool calls ({toolCalls})
          </label>
          <label className={styles.filter} htmlFor={filterId}>
            <input id={filterId} type="checkbox" checked={failuresOnly} onChange={(e) => setFailuresOnly(e.target.checked)} />
            Failures only ({failures})
          </label>
        </div>
      </div>
      <div
        ref={box}
        className={styles.timelineBox}
        // a scrolling box must be reachable by keyboard to be scrolled by it
        tabIndex={0}
        role="region"
        aria-label="Run events"
        onScroll={(e) => {
          const element = e.currentTarget;
          following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
        }}
      >
        {shown.length === 0 ? (
          <p className={styles.muted}>{failuresOnly ? 'No failures so far.' : 'No events yet.'}</p>
        ) : (
          <ol className={styles.events}>
            {shown.map((event) => (
              <TimelineEvent key={event.seq} event={event} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function TimelineEvent({ event }: { event: RunEvent }) {
  const tone = eventTone(event);
  const agent = eventAgent(event);
  const facts = executionFacts(event);
  return (
    <li className={styles.event} data-tone={tone}>
      <time className={styles.eventTime} dateTime={event.at}>
        {timeOf(event.at)}
      </time>
      <span className={styles.eventBody}>
        {/* spaces between the parts, so that they are read (and copied) as words */}
        {tone === 'failure' && <strong className={styles.failedBadge}>Failed</strong>}
        {tone === 'refused' && <strong className={styles.refusedBadge}>Refused</strong>}
        {(tone === 'failure' || tone === 'refused') && ' '}
        {agent && <span className={styles.eventAgent}>{tone === 'route' ? `→ ${agent}` : agent}</span>}
        {agent && ' '}
        <span className={styles.eventText}>{eventText(event)}</span>
        {facts && <span className={styles.muted}> ({facts})</span>}
      </span>
    </li>
  );
}

/**
 * Tells screen readers what happened as it happens: the newest event that arrived after the
 * view opened (the history read at the start is not read out).
 */
export function RunAnnouncer({ events, loaded }: { events: RunEvent[]; loaded: boolean }) {
  const seen = useRef<number | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!loaded) {
      return;
    }
    const last = events.length > 0 ? events[events.length - 1]!.seq : 0;
    if (seen.current === null) {
      seen.current = last;
      return;
    }
    const fresh = events.filter((event) => event.seq > seen.current!);
    seen.current = last;
    // a routing line only says who is next; the agent's own event says what was done. Tool calls
    // are not read out: dozens a step would drown the rest ("Now" says who works)
    const told = fresh.filter((event) => !isToolCall(event));
    const newest = [...told].reverse().find((event) => event.type !== 'route') ?? told[told.length - 1];
    if (newest) {
      const agent = eventAgent(newest);
      setMessage(`${agent ? `${agent}: ` : ''}${eventText(newest)}`);
    }
  }, [events, loaded]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
