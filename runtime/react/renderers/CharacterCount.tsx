import { useEffect, useState } from 'react';

/**
 * GOV.UK character count: the visible count follows every keystroke; the screen-reader message
 * is updated only once typing pauses, so it does not interrupt with every character.
 */
export function CharacterCount({ id, value, max }: { id: string; value: string; max: number }) {
  const length = [...value].length;
  const remaining = max - length;
  const text = remaining >= 0
    ? `You have ${remaining} character${remaining === 1 ? '' : 's'} remaining`
    : `You have ${-remaining} character${remaining === -1 ? '' : 's'} too many`;
  const [spoken, setSpoken] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setSpoken(text), 1000);
    return () => clearTimeout(t);
  }, [text]);
  return (
    <>
      <div id={`${id}-info`} className={remaining < 0 ? 'as-character-count as-character-count--over' : 'as-character-count'} aria-hidden="true">
        {text}
      </div>
      <div className="as-visually-hidden" aria-live="polite">
        {spoken}
      </div>
    </>
  );
}
