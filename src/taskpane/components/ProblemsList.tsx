import { Link, Subtitle2, Text } from '@fluentui/react-components';
import { useId } from 'react';
import type { ProblemView } from '../../port/api';
import { paneText } from '../strings';
import { useProblemsListStyles } from './ProblemsList.styles';

export interface ProblemsListProps {
  problems: ProblemView[];
  /** Called with the problem's sheet-qualified address when the analyst activates it. */
  onSelect: (address: string) => void;
}

/**
 * The cells the engine could not evaluate. Each is a button (keyboard operable) that
 * selects its cell; the cell text and message are rendered as React text only.
 */
export function ProblemsList({ problems, onSelect }: ProblemsListProps): React.JSX.Element {
  const styles = useProblemsListStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h2" block className={styles.heading} id={headingId}>
        {paneText.problemsHeading(problems.length)}
      </Subtitle2>
      {problems.length === 0 ? (
        <Text as="p" block className={styles.paragraph}>
          {paneText.noProblems}
        </Text>
      ) : (
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={`${p.address}-${i}`}>
              <Link as="button" className={styles.problem} onClick={() => onSelect(p.address)}>
                {paneText.problemButton(p.address, p.message, p.indicator, p.severity)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
