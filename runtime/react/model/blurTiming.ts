/**
 * When a left field's error may show. While a pointer is down (the practitioner is clicking the
 * next question) the message waits until the click is over: shown at once it would move the page
 * under the pointer and the click would land on something else. When the click changed the answers
 * (it chose an option), validating and showing wait until the click's own frame is painted:
 * together, so a stale message never shows meanwhile.
 */
export class BlurTiming {
  private pointerIsDown = false;
  private pending: string[] = [];
  private cancelPaint: (() => void) | null = null;

  constructor(
    private readonly form: {
      /** Whether the errors shown were computed from the answers as they are now. */
      isValidated(): boolean;
      validating(): boolean;
      validateNow(): void;
      /** The field at `pointer` was left: its error may show. */
      touch(pointer: string): void;
      disposed(): boolean;
    },
  ) {}

  blur(pointer: string): void {
    if (this.pointerIsDown) {
      this.pending.push(pointer);
      return;
    }
    if (!this.form.isValidated() && this.form.validating()) this.form.validateNow();
    this.form.touch(pointer);
  }

  setPointerDown(down: boolean): void {
    this.pointerIsDown = down;
    if (down || this.pending.length === 0) return;
    if (this.form.isValidated()) {
      this.touchPending();
      return;
    }
    this.cancelPaint ??= afterNextPaint(() => {
      this.cancelPaint = null;
      if (this.form.disposed()) return;
      if (!this.form.isValidated()) this.form.validateNow();
      // A new click may have started meanwhile: its own pointerup shows what is pending.
      if (!this.pointerIsDown) this.touchPending();
    });
  }

  stop(): void {
    this.cancelPaint?.();
    this.cancelPaint = null;
  }

  private touchPending(): void {
    const pending = this.pending;
    this.pending = [];
    pending.forEach((p) => this.form.touch(p));
  }
}

/** Runs `fn` once the next frame has been painted (in a task after it); returns a cancel. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
