/** The version every surface reports (API health, OpenAPI, `sextant --version`). */
export const SEXTANT_VERSION = '0.1.0';
