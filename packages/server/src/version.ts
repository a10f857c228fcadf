export const SEXTANT_VERSION = '0.1.0';
