import { Badge, mergeClasses, type BadgeProps } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { ReviewStatus } from '../../../port/api';
import { paneText } from '../../strings';
import type { RevisionsViewState } from './RevisionsView.types';
import type { useRevisionsViewStyles } from './useRevisionsViewStyles.styles';

type Styles = ReturnType<typeof useRevisionsViewStyles>;

/** Status badges carry the status in words; the colour only repeats it. */
export const STATUS_COLOUR: Record<ReviewStatus, BadgeProps['color']> = {
  pending: 'informative',
  reviewed: 'success',
  queried: 'warning',
};

/** Scrolls the list itself (never the pane) so the option at `index` is in view. */
function keepInView(list: HTMLElement | null, option: HTMLElement | undefined): void {
  if (!list || !option) return;
  const top = option.offsetTop;
  const bottom = top + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}

/**
 * The revised figures as a single-select listbox: ref and name (one line, cut with an
 * ellipsis), month, published -> new and status. The selected option is the revision in the
 * card; arrow keys, Home and End move it (roving focus, one tab stop for the whole list).
 */
export function RevisionList({ state, styles }: { state: RevisionsViewState; styles: Styles }): React.JSX.Element {
  const hintId = useId();
  const idBase = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const options = useRef<HTMLDivElement[]>([]);
  const { current, revisions } = state;
  useEffect(() => {
    if (current !== null) keepInView(listRef.current, options.current[current]);
  }, [current]);

  const move = (target: number): void => {
    const index = Math.max(0, Math.min(revisions.length - 1, target));
    if (index !== current) state.goTo(index);
    options.current[index]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const from = current ?? -1;
    const target = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: revisions.length - 1 }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    move(target);
  };

  return (
    <>
      <div
        ref={listRef}
        role="listbox"
        aria-label={paneText.listLabel}
        aria-describedby={hintId}
        className={styles.list}
        onKeyDown={onKeyDown}
      >
        {revisions.map((r, i) => {
          const selected = current === i;
          return (
            <div
              key={r.id}
              id={`${idBase}-${i}`}
              ref={(el) => {
                if (el) options.current[i] = el;
              }}
              role="option"
              aria-selected={selected}
              tabIndex={selected || (current === null && i === 0) ? 0 : -1}
              className={mergeClasses(styles.option, selected && styles.currentOption)}
              onClick={() => move(i)}
            >
              <span className={mergeClasses(styles.optionName, selected && styles.currentName)}>{`${r.ref} ${r.indicator}`}</span>
              <span className={styles.optionMeta}>{`${r.month} \u00b7 ${paneText.publishedToNew(r.published, r.current)}`}</span>
              <Badge className={styles.optionBadge} appearance="tint" color={STATUS_COLOUR[r.status]} shape="rounded">
                {paneText.status(r.status)}
              </Badge>
            </div>
          );
        })}
      </div>
      <span id={hintId} hidden>
        {paneText.listHint}
      </span>
    </>
  );
}
