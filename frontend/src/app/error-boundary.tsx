import { Component, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import styles from './error-boundary.module.css';

type Props = { children: ReactNode; resetKey: string };
type State = { failed: boolean; resetKey: string };

/**
 * The last guard against a blank screen: a render error or a page's code that failed to load
 * (a dropped connection while opening a route) shows a way out instead. Navigating elsewhere
 * (a new `resetKey`) clears it.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  render() {
    if (!this.state.failed) {
      return this.props.children;
    }
    return (
      <div className={styles.failure} role="alert">
        <strong>This page could not be shown</strong>
        <p>Check your connection, then reload the page.</p>
        <div>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </div>
      </div>
    );
  }
}
