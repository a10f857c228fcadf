import type { HTMLAttributes, ReactNode } from 'react';

type BoardColumnProps = Omit<HTMLAttributes<HTMLElement>, 'title' | 'children'> & {
  /** The column's name, also the section's accessible name. */
  title: string;
  /** How many cards the column holds. */
  count: number;
  /** What the cards are, for the count's accessible name ("stories"). */
  noun: string;
  /** What an empty column says. */
  empty: ReactNode;
  /** The cards, as list items. */
  children: ReactNode;
};

/**
 * A column of a board (stories by status, insights by status): its name and count atop, then its
 * cards or what an empty column says. Other props (drop handlers) go on the section.
 */
export function BoardColumn({
  title,
  count,
  noun,
  empty,
  className = 'board__column',
  children,
  ...section
}: BoardColumnProps) {
  return (
    <section className={className} aria-label={title} {...section}>
      <header className="board__column-header">
        <h2 className="board__column-title">{title}</h2>
        <span className="board__count" aria-label={`${count} ${noun}`}>
          {count}
        </span>
      </header>
      {count === 0 ? (
        <p className="board__empty">{empty}</p>
      ) : (
        <ul className="board__list">{children}</ul>
      )}
    </section>
  );
}
