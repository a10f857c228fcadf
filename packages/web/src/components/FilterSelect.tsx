type FilterSelectProps<V extends string> = {
  /** The filter's visible name. */
  label: string;
  value: V | '';
  /** The choices, as value and text. */
  options: readonly (readonly [V, string])[];
  /** The select's own accessible name, where it carries one. */
  selectLabel?: string;
} & (
  | {
      /** The first choice, value "", that lifts the filter ("All stages"). */
      all: string;
      onChange: (value: V | '') => void;
    }
  | { all?: undefined; onChange: (value: V) => void }
);

/** One choice of a filter bar: its name above a select. */
export function FilterSelect<V extends string>(props: FilterSelectProps<V>) {
  const { label, value, options, all, selectLabel } = props;
  return (
    <label className="filters__item">
      <span className="filters__label">{label}</span>
      <select
        aria-label={selectLabel}
        value={value}
        // The options are the choices offered: a change is one of them, or "" for `all`.
        onChange={(e) => props.onChange(e.target.value as V)}
      >
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Options whose text is their value. */
export const asOptions = <V extends string>(values: readonly V[]) =>
  values.map((v) => [v, v] as const);

/** Options from labels by value, in the labels' order. */
export const labelOptions = <V extends string>(labels: Record<V, string>) =>
  Object.entries(labels) as [V, string][];
