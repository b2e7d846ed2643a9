/** One row: its heading cell (what it is about) and its figures, already worded. */
export type FigureRow = { readonly key: string; readonly head: string; readonly cells: readonly string[]; readonly over?: boolean };

/** A table of figures read at a glance: a caption, column headings, a heading per row. Nothing when there is no row. */
export function FigureTable({
  caption,
  columns,
  rows,
  className,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
  className?: string;
}) {
  if (rows.length === 0) return null;
  return (
    <table className={className ? `cash-table ${className}` : 'cash-table'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-over={r.over || undefined}>
            <th scope="row">{r.head}</th>
            {r.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
