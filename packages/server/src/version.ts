export { SEXTANT_VERSION } from '@sextant/core';
