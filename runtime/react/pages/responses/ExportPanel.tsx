import { useState } from 'react';
import { exportResponses, RequestRefused, type Filter } from './client';

const FORMATS = [
  { value: 'csv', label: 'CSV (one row per response)' },
  { value: 'csv-groups', label: 'CSV of repeatable groups (one row per item)' },
  { value: 'json', label: 'JSON' },
  { value: 'ndjson', label: 'NDJSON (one response per line)' },
  { value: 'fhir', label: 'FHIR R4 Bundle' },
  { value: 'codebook', label: 'Codebook (CSV)' },
];

/** Exports the applied filter's responses of one form version with the chosen profile; the server records it. */
export function ExportPanel({ filter, profile }: { filter: Filter; profile: string }) {
  const [format, setFormat] = useState('csv');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const run = async () => {
    if (!filter.form || !filter.version) return setMessage({ error: true, text: 'Choose a form and a version, then apply the filters, to export.' });
    try {
      const { blob, name } = await exportResponses(filter, format, profile);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({ error: false, text: `Exported ${name}. The export is recorded in the audit.` });
    } catch (e) {
      setMessage({ error: true, text: e instanceof RequestRefused ? e.message : 'The export failed. Try again in a moment.' });
    }
  };
  return (
    <section className="as-responses__export" aria-labelledby="export-heading">
      <h2 className="as-heading-m" id="export-heading">Export</h2>
      <p className="as-body">Exports the responses the filters show, of one form version, with the profile chosen above.</p>
      <div className="as-form-group">
        <label className="as-label" htmlFor="export-format">Format</label>
        <select className="as-select" id="export-format" value={format} onChange={(e) => setFormat(e.target.value)}>
          {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
        </select>
      </div>
      <button type="button" className="as-button" onClick={() => void run()}>Export responses</button>
      {/* Both live regions are always there, so a screen reader hears the first message too. */}
      <p className="as-error-message" role="alert">{message?.error ? message.text : ''}</p>
      <p className="as-body" role="status">{message && !message.error ? message.text : ''}</p>
    </section>
  );
}
