import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

/**
 * A draggable, keyboard-operable separator (WAI-ARIA window splitter): arrow keys resize by 16px,
 * Home/End to the limits.
 */
export function Splitter(props: { label: string; orientation: 'vertical' | 'horizontal'; value: number; min: number; max: number; onChange: (v: number) => void; invert?: boolean; controls?: string }) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const sign = props.invert ? -1 : 1;
  const clamp = (v: number) => Math.max(props.min, Math.min(props.max, v));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { pos: props.orientation === 'vertical' ? e.clientX : e.clientY, value: props.value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const pos = props.orientation === 'vertical' ? e.clientX : e.clientY;
    props.onChange(clamp(start.current.value + sign * (pos - start.current.pos)));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = props.orientation === 'vertical' ? ['ArrowRight'] : ['ArrowDown'];
    const shrink = props.orientation === 'vertical' ? ['ArrowLeft'] : ['ArrowUp'];
    if (grow.includes(e.key)) props.onChange(clamp(props.value + sign * 16));
    else if (shrink.includes(e.key)) props.onChange(clamp(props.value - sign * 16));
    else if (e.key === 'Home') props.onChange(props.min);
    else if (e.key === 'End') props.onChange(props.max);
    else return;
    e.preventDefault();
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={props.label}
      aria-orientation={props.orientation}
      aria-valuenow={Math.round(props.value)}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      aria-controls={props.controls}
      className={`splitter splitter-${props.orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}
