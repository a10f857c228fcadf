/**
 * What a report page may do: nothing but its own inline styles and inline images. No
 * script runs and nothing is fetched. The route sends it as the header (helmet, in the
 * route's options) and the HTML carries it as a meta tag, so a saved copy keeps it.
 */
export const REPORT_CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ['data:'],
};

/** The same policy as one header value, for the meta tag. */
export const REPORT_CSP = Object.entries(REPORT_CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
