import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { OutcomeError } from '../../port/api';
import { paneText } from '../strings';

/** Something the pane tells the analyst after an action. */
export interface PaneMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  title?: string;
  text: string;
  /** What to do next. */
  action?: string;
  /** Points to list under the text (warnings that came with a success), each one sentence. */
  details?: string[];
}

/**
 * The message for a success: plain when nothing came with it, a warning listing each point
 * (and what to do) when the adapter reported warnings, so none is dropped on the way.
 */
export function successMessage(text: string, warnings: readonly string[] | undefined, base: Omit<PaneMessage, 'text' | 'intent'> = {}): PaneMessage {
  if (!warnings || warnings.length === 0) return { intent: 'success', ...base, text };
  return { ...base, intent: 'warning', title: paneText.warningsTitle, text, details: [...warnings], action: base.action ?? paneText.warningsAction };
}

/** A PaneMessage for an Outcome's error: its message and what to do next. */
export function errorMessage(error: OutcomeError, title: string = paneText.errorTitle): PaneMessage {
  return { intent: 'error', title, text: error.message, action: error.action };
}

export interface StatusMessageProps {
  message: PaneMessage | null;
}

/**
 * Two live regions that are always in the DOM, so screen readers announce each new
 * message (a region created together with its text is often not announced): errors in
 * an assertive `alert`, everything else in a polite `status`. The intent is also spelled
 * out by the title and the MessageBar icon, never by colour alone.
 */
export function StatusMessage({ message }: StatusMessageProps): React.JSX.Element {
  const isError = message?.intent === 'error';
  const bar = message && (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
        {message.text}
        {message.details && message.details.length > 0 && (
          <ul>
            {/* Two warnings may read the same: the index keeps React's keys unique. */}
            {message.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
        {message.action && <div>{paneText.nextStep(message.action)}</div>}
      </MessageBarBody>
    </MessageBar>
  );
  return (
    <>
      <div role="alert" aria-atomic="true">
        {isError && bar}
      </div>
      <div role="status" aria-atomic="true">
        {!isError && bar}
      </div>
    </>
  );
}
