import type { HTMLAttributes, ReactElement, ReactNode } from 'react';

/** One column of a DataTable: its header cell and how each row fills it. */
export interface Column<Row, State = undefined> {
  /** The header cell's content (`<th scope="col">`). */
  header: ReactNode;
  /**
   * The cells' `data-label`, the column's name in the stacked (mobile) layout: the header
   * when it is text, unless given; `null` for none.
   */
  label?: string | null;
  /** The cells' class (numeric alignment, actions…), the header's too unless `headClassName`. */
  className?: string;
  /** The header's class when it differs from the cells' (`null` for none). */
  headClassName?: string | null;
  /** The header's title (a rule in words, say). */
  headTitle?: string;
  /** The cell heads its row: `<th scope="row">`, no `data-label`. */
  rowHeader?: boolean;
  /** React's key for the column, where columns come and go (one per sprint, per run). */
  key?: string;
  cell: (row: Row, index: number, state: State) => ReactNode;
}

/** A column that is there or not (`cond ? column : null` in a list of columns). */
export type MaybeColumn<Row, State = undefined> = Column<Row, State> | null | false;

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;

/** React's key for each row. */
type RowKey<Row> = (row: Row, index: number) => string;

interface DataTableProps<Row, State> {
  rows: readonly Row[];
  columns: readonly MaybeColumn<Row, State>[];
  /** The row's own attributes: its class (`is-muted`…), id, data attributes. */
  rowAttributes?: (row: Row) => RowAttributes;
  /**
   * A hook run once per row (in the row's own component) whose result every cell gets: for
   * rows whose cells share a mutation, its pending state and its error.
   */
  useRowState?: (row: Row) => State;
  /** The table's class, over `variant`; the stacked layout of the stylesheet by default. */
  className?: string;
  /** The stacked table's own block class, after `table table--stack` ("run-table"…). */
  variant?: string;
  /** The table's accessible name. */
  label?: string;
}

/**
 * An actions column: a header only screen readers read (`name`, "Actions" by default), and the
 * cell of the row's buttons, labelled with the name for the stacked layout unless `labelled` is false.
 */
export function actionsColumn<Row, State = undefined>(
  cell: Column<Row, State>['cell'],
  { name = 'Actions', labelled = true }: { name?: string; labelled?: boolean } = {},
): Column<Row, State> {
  return {
    header: <span className="sr-only">{name}</span>,
    label: labelled ? name : null,
    className: 'table__actions',
    headClassName: null,
    cell,
  };
}

function cellLabel<Row, State>(column: Column<Row, State>): string | undefined {
  if (column.label !== undefined) return column.label ?? undefined;
  return typeof column.header === 'string' ? column.header : undefined;
}

interface DataRowProps<Row, State> {
  row: Row;
  index: number;
  columns: readonly Column<Row, State>[];
  attributes: RowAttributes | undefined;
  useRowState: (row: Row) => State;
}

function DataRow<Row, State>({
  row,
  index,
  columns,
  attributes,
  useRowState,
}: DataRowProps<Row, State>) {
  const state = useRowState(row);
  return (
    <tr {...attributes}>
      {columns.map((column, at) =>
        column.rowHeader ? (
          <th key={column.key ?? at} scope="row" className={column.className}>
            {column.cell(row, index, state)}
          </th>
        ) : (
          <td key={column.key ?? at} data-label={cellLabel(column)} className={column.className}>
            {column.cell(row, index, state)}
          </td>
        ),
      )}
    </tr>
  );
}

const noRowState = (): undefined => undefined;

// Only rows typed with an `id` may leave out `rowKey` (see DataTable's first overload).
const idKey = (row: unknown): string => (row as { id: string }).id;

/**
 * A table of rows by columns, as every list of the app is drawn: `<th scope="col">` heads, and
 * cells labelled with their column's name for the stacked layout of narrow screens. Rows are
 * keyed by their `id` unless `rowKey` says otherwise (rows without an `id` must say).
 */
export function DataTable<Row extends { id: string }, State = undefined>(
  props: DataTableProps<Row, State> & { rowKey?: RowKey<Row> },
): ReactElement;
export function DataTable<Row, State = undefined>(
  props: DataTableProps<Row, State> & { rowKey: RowKey<Row> },
): ReactElement;
export function DataTable<Row, State = undefined>({
  rows,
  columns,
  rowKey = idKey,
  rowAttributes,
  useRowState,
  variant,
  className = variant === undefined ? 'table table--stack' : `table table--stack ${variant}`,
  label,
}: DataTableProps<Row, State> & { rowKey?: RowKey<Row> }) {
  const shown = columns.filter((column): column is Column<Row, State> => Boolean(column));
  // Without a row hook every cell gets `undefined`, which is what State defaults to.
  const rowState = useRowState ?? (noRowState as unknown as (row: Row) => State);
  return (
    <table className={className} aria-label={label}>
      <thead>
        <tr>
          {shown.map((column, at) => (
            <th
              key={column.key ?? at}
              scope="col"
              className={
                column.headClassName === undefined
                  ? column.className
                  : (column.headClassName ?? undefined)
              }
              title={column.headTitle}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <DataRow
            key={rowKey(row, index)}
            row={row}
            index={index}
            columns={shown}
            attributes={rowAttributes?.(row)}
            useRowState={rowState}
          />
        ))}
      </tbody>
    </table>
  );
}
