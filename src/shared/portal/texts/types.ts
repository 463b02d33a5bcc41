import type { PortalCategoryId } from '../schema.ts';
import type { ChecklistKey, GlossaryId } from '../checklist-keys.ts';

/** Every text of the default catalogue and the glossary in one language. */
export interface CatalogueTexts {
  categories: Record<PortalCategoryId, string>;
  /** translated names, only where the name is not a proper noun */
  names: Record<string, string>;
  /** plain-words description of each default entry, by link id */
  descriptions: Record<string, string>;
  /** search synonyms: a word people type (APL, mutuelle…) → the link ids it means, best first */
  synonyms: Record<string, string[]>;
  checklist: Record<ChecklistKey, string>;
  glossary: Record<GlossaryId, { term: string; text: string }>;
}
