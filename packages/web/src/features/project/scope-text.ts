import type { PocConstraint, ProductizationMode } from '@sextant/core';

export const PRODUCTIZATION_TEXT: Record<ProductizationMode, { label: string; help: string }> = {
  hands_off: {
    label: 'Hands-off',
    help: 'The POC becomes a specification; software developers rewrite and run it.',
  },
  push_to_prod: {
    label: 'Push to production',
    help: 'The POC code is reused as is; data engineers and DevOps build around it.',
  },
};

export const CONSTRAINT_TEXT: Record<PocConstraint, { label: string; help: string }> = {
  time: { label: 'Time', help: 'how long the POC may take' },
  resources: { label: 'Resources', help: 'how many people work on it' },
  accuracy: { label: 'Accuracy', help: 'how good the model must be' },
};
