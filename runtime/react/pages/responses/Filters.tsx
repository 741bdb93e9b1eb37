import { useState, type FormEvent } from 'react';
import type { Filter, FormSummary } from './client';

export const PROFILES = [
  { value: 'masked', label: 'Masked: sensitive answers hidden, safe address left out' },
  { value: 'external-agency', label: 'External agency: sensitive answers left out' },
  { value: 'full', label: 'Full: every answer, safe address included' },
];

/** The filters of the list (labelled, one form: Enter or the button applies them) and the profile every view and export follows. */
export function Filters({ forms, applied, profile, onApply, onProfile }: {
  forms: FormSummary[];
  applied: Filter;
  profile: string;
  onApply(filter: Filter): void;
  onProfile(profile: string): void;
}) {
  const [draft, setDraft] = useState<Filter>(applied);
  const set = (key: keyof Filter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value, ...(key === 'form' ? { version: '' } : {}) }));
  const versions = forms.find((f) => f.id === draft.form)?.versions ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="as-responses__filters" onSubmit={submit} aria-labelledby="filters-heading">
      <h2 className="as-heading-m" id="filters-heading">Filter responses</h2>
      <div className="as-responses__filter-row">
        <div className="as-form-group">
          <label className="as-label" htmlFor="filter-form">Form</label>
          <select className="as-select" id="filter-form" value={draft.form} onChange={set('form')}>
            <option value="">All forms</option>
            {forms.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
          </select>
        </div>
        <div className="as-form-group">
          <label className="as-label" htmlFor="filter-version">Version</label>
          <select className="as-select" id="filter-version" value={draft.version} onChange={set('version')} disabled={!draft.form}>
            <option value="">All versions</option>
            {versions.map((v) => <option key={v.version} value={v.version}>{v.version}</option>)}
          </select>
        </div>
        <div className="as-form-group">
          <label className="as-label" htmlFor="filter-status">Status</label>
          <select className="as-select" id="filter-status" value={draft.status} onChange={set('status')}>
            <option value="">Any status</option>
            <option value="completed">Completed</option>
            <option value="in-progress">In progress</option>
          </select>
        </div>
        <div className="as-form-group">
          <label className="as-label" htmlFor="filter-from">Last changed from</label>
          <input className="as-input as-input--date" id="filter-from" type="date" value={draft.from} onChange={set('from')} />
        </div>
        <div className="as-form-group">
          <label className="as-label" htmlFor="filter-to">Last changed to</label>
          <input className="as-input as-input--date" id="filter-to" type="date" value={draft.to} onChange={set('to')} />
        </div>
      </div>
      <button type="submit" className="as-button">Apply filters</button>
      <div className="as-form-group">
        <label className="as-label" htmlFor="profile">Profile for viewing and export</label>
        <select className="as-select" id="profile" value={profile} onChange={(e) => onProfile(e.target.value)}>
          {PROFILES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </div>
    </form>
  );
}
