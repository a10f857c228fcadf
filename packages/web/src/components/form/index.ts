export { useFormErrors, type FormErrors } from './use-form-errors';
export {
  useFormFields,
  useMutationFields,
  type FieldBinding,
  type FormFields,
  type SaveState,
} from './use-form-fields';
export { FormShell } from './FormShell';
export { FormActions, InlineSubmit, type FormActionsProps } from './FormActions';
export { TextField, NumberField, DateField, SelectField, TextareaField } from './fields';
export type { SelectOption } from './fields';
export { optionsOf } from './options';
export { Choice, Segment } from './choices';
export { parseOptionalNonNegative } from './numbers';
