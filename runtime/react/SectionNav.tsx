import { useController, useDerived, useSummaryVersion } from './hooks';
import type { Section } from './model/formModel';

export type SectionStatus = 'not-started' | 'in-progress' | 'completed' | 'problems';

const LABELS: Record<SectionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  problems: 'Has problems',
};

/** Sections as a task list: each with its status, read from its own keys and its errors only. */
export function SectionNav({ sections, current, onOpen, onCheck, checking }: {
  sections: Section[];
  current: number;
  onOpen: (index: number) => void;
  onCheck: () => void;
  checking: boolean;
}) {
  return (
    <nav className="as-section-nav" aria-label="Sections">
      <h2 className="as-heading-s">Sections</h2>
      <ol className="as-section-nav__list">
        {sections.map((s) => (
          <li key={s.index} className="as-section-nav__item">
            <a
              href={`#${s.id}`}
              className="as-section-nav__link"
              aria-current={!checking && s.index === current ? 'step' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onOpen(s.index);
              }}
            >
              {s.label}
            </a>
            <StatusTag section={s} />
          </li>
        ))}
        <li className="as-section-nav__item">
          <a
            href="#check-answers"
            className="as-section-nav__link"
            aria-current={checking ? 'step' : undefined}
            onClick={(e) => {
              e.preventDefault();
              onCheck();
            }}
          >
            Check your answers
          </a>
        </li>
      </ol>
    </nav>
  );
}

function StatusTag({ section }: { section: Section }) {
  const status = useSectionStatus(section);
  return <strong className={`as-tag as-tag--${status}`}>{LABELS[status]}</strong>;
}

export function useSectionStatus(section: Section): SectionStatus {
  const c = useController();
  useSummaryVersion();
  return useDerived(section.keys, () => {
    const inSection = (key: string) => section.keys.includes(key);
    if (c.ui.shownErrors().some((e) => inSection(e.key))) return 'problems';
    const answered = section.keys.some((k) => c.store.get(k) !== undefined && !c.model.computedKeys.includes(k));
    if (!answered) return 'not-started';
    return c.ui.allErrors().some((e) => inSection(e.key)) ? 'in-progress' : 'completed';
  });
}
