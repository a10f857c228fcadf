/**
 * What a report page may do: nothing but its own inline styles and inline images. No
 * script runs and nothing is fetched. The HTML carries it as a meta tag (so a saved copy
 * keeps it) and the route sends it as a header.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
