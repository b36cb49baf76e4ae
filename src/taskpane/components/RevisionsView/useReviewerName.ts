import { useCallback, useEffect, useRef, useState } from 'react';
import { reviewerNameStore } from '../../reviewerName';

export interface ReviewerName {
  /** The name as typed. */
  name: string;
  setName: (name: string) => void;
  /** Remembers the name on this computer; resolves false when it could not be stored. */
  remember: () => Promise<boolean>;
  /** The name to record with a decision or publication; undefined when blank. */
  recorded: () => string | undefined;
}

/** The reviewer's name: loaded from this computer, recorded with decisions and publications. */
export function useReviewerName(): ReviewerName {
  const [name, setNameState] = useState('');
  const store = useRef(reviewerNameStore());
  // Typing before the stored name arrives wins over it.
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    void store.current.load().then((stored) => {
      if (live && !touched.current) setNameState(stored);
    });
    return () => {
      live = false;
    };
  }, []);
  const setName = useCallback((typed: string) => {
    touched.current = true;
    setNameState(typed);
  }, []);
  const remember = useCallback(() => store.current.save(name), [name]);
  const recorded = useCallback(() => name.trim() || undefined, [name]);
  return { name, setName, remember, recorded };
}
