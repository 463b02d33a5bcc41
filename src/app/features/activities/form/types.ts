import type { FormState } from '../lib/form-state.ts';
import type { FormSection } from '../lib/to-record.ts';
import type { FormData } from './data.ts';

/** What every section of the form receives. */
export interface SectionProps {
  state: FormState;
  update: (op: (s: FormState) => FormState) => void;
  data: FormData;
  /** sections to flag (only after a first attempt to save) */
  errors: FormSection[];
}
