import { Link, type LinkProps } from 'react-router';

/** The link a table row leads with (its name), drawn bolder than the rest of the row. */
export function PrimaryLink(props: Omit<LinkProps, 'className'>) {
  return <Link className="table__primary-link" {...props} />;
}
