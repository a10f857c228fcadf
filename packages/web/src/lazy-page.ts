import { lazy, type ComponentType } from 'react';

/**
 * A page component loaded with its route (`React.lazy` wants a default export; the pages
 * have named ones). Render it inside a Suspense boundary: AppShell has one around the page.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
