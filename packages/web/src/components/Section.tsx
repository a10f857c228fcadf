import { useId, type ComponentProps, type ReactNode } from 'react';
import { PageTitle } from './PageTitle';
import { headerActions, type HeaderAction } from './HeaderAction';

interface SectionProps {
  title: string;
  /** Anchor for links such as #scope from the stage gates. */
  id?: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** A single button for `actions`. */
  action?: HeaderAction | false | null;
  children: ReactNode;
  className?: string;
}

/** A titled card on a page; its heading names the region for assistive tech. */
export function Section({
  title,
  id,
  description,
  actions: given,
  action,
  children,
  className,
}: SectionProps) {
  const headingId = useId();
  const actions = headerActions(given, action);
  return (
    <section id={id} className={`card ${className ?? ''}`.trim()} aria-labelledby={headingId}>
      <header className="card__header">
        <div>
          <h2 id={headingId} className="card__title">
            {title}
          </h2>
          {description ? <p className="card__description">{description}</p> : null}
        </div>
        {actions ? <div className="card__actions">{actions}</div> : null}
      </header>
      <div className="card__body">{children}</div>
    </section>
  );
}

/** A top-level page's top: the browser tab's title, and the page header of the same title. */
export function TitledPageHeader({
  title,
  ...header
}: { title: string } & Omit<ComponentProps<typeof PageHeader>, 'title'>) {
  return (
    <>
      <PageTitle title={title} />
      <PageHeader title={title} {...header} />
    </>
  );
}

export function PageHeader({
  title,
  subtitle,
  actions: given,
  action,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** A single button for `actions`. */
  action?: HeaderAction | false | null;
}) {
  const actions = headerActions(given, action);
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title">{title}</h1>
        {subtitle ? <div className="page-header__subtitle">{subtitle}</div> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}
