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

/** One select of a filter bar drawn from a list: the key of the filters it sets, its choices. */
export interface FilterChoice<K extends string> {
  key: K;
  /** The filter's visible name. */
  label: string;
  /** The first choice, that lifts the filter ("All stages"). */
  all: string;
  options: readonly (readonly [string, string])[];
}

/**
 * A filter bar's selects, one per choice: a change sets the choice's key of `filters` (with
 * `also`, say back to the first page) and hands the whole filters on.
 */
export function FilterSelects<F extends Record<K, string>, K extends string>({
  choices,
  filters,
  onChange,
  also,
  named = false,
}: {
  choices: readonly FilterChoice<K>[];
  filters: F;
  onChange: (filters: F) => void;
  also?: Partial<F>;
  /** Each select carries the filter's name as its own accessible name. */
  named?: boolean;
}) {
  return (
    <>
      {choices.map(({ key, label, all, options }) => (
        <FilterSelect
          key={key}
          label={label}
          selectLabel={named ? label : undefined}
          all={all}
          value={filters[key]}
          options={options}
          onChange={(value) => onChange({ ...filters, [key]: value, ...also })}
        />
      ))}
    </>
  );
}
