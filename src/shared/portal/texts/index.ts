import type { PortalLanguage } from '../schema.ts';
import type { CatalogueTexts } from './types.ts';
import { fr } from './fr.ts';
import { en } from './en.ts';
import { ar } from './ar.ts';
import { es } from './es.ts';
import { pt } from './pt.ts';
import { tr } from './tr.ts';
import { uk } from './uk.ts';

/** The catalogue's and glossary's texts in every kiosk language (French is the source). */
export const CATALOGUE_TEXTS: Record<PortalLanguage, CatalogueTexts> = { fr, en, ar, es, pt, tr, uk };
