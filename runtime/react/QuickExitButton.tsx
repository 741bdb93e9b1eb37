/**
 * The Quick exit button, first on the page and sticky (GOV.UK "exit this page"): in reach however
 * far the page is scrolled. The form and the pages that show no form use this one button.
 */
export function QuickExitButton({ onExit }: { onExit: () => void }) {
  return (
    <div className="as-quick-exit">
      <button type="button" className="as-button as-button--warning" onClick={onExit}>
        Quick exit<span className="as-visually-hidden"> (or press Escape twice)</span>
      </button>
    </div>
  );
}
