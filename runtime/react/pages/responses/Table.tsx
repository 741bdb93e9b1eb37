import type { ReactNode } from 'react';

/** A data table of the page: a caption that names it, one header per column, the rows given (each with its own row header). */
export function Table({ caption, columns, children }: { caption: ReactNode; columns: string[]; children: ReactNode }) {
  return (
    <table className="as-table">
      <caption className="as-table__caption">{caption}</caption>
      <thead>
        <tr>{columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
