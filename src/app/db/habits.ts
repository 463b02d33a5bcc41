import { db } from './index.ts';
import { foldText } from '../../shared/text.ts';
import type { AdminThemeCode, ThemeCode, WorkshopLevel } from '../../shared/activity/codes.ts';
import type { Beneficiaries } from '../../shared/activity/record.ts';

// What the activity form learns from the mediator's own latest records (no schema change: read
// from the activities table): the sites they use most with the démarche category they gave
// them, their most used themes, and their last workshop of each title.

export interface FrequentSite {
  id: string;
  /** the démarche category last used with this site (the CAF under "Logement") */
  adminTheme?: AdminThemeCode;
}

export interface WorkshopCopy {
  title: string;
  level?: WorkshopLevel;
  durationMin: number;
  themes: ThemeCode[];
  adminThemes: AdminThemeCode[];
  beneficiaries: Beneficiaries;
}

export interface FormHabits {
  /** sites of individual sessions, most used first (three uses of the last 200 records count more than one) */
  frequentSites: FrequentSite[];
  /** themes, most used first */
  frequentThemes: ThemeCode[];
  /** the last workshop of each title, by folded title */
  lastWorkshops: Record<string, WorkshopCopy>;
}

export const EMPTY_FORM_HABITS: FormHabits = { frequentSites: [], frequentThemes: [], lastWorkshops: {} };

/** The key a workshop title is remembered under: case, accents and spaces do not matter. */
export const workshopKey = (title: string): string => foldText(title);

function ranked<K>(counts: Map<K, { n: number; last: string }>): K[] {
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last.localeCompare(a[1].last)).map(([k]) => k);
}

function bump<K>(counts: Map<K, { n: number; last: string }>, key: K, at: string): void {
  const c = counts.get(key);
  if (c) {
    c.n++;
    if (at > c.last) c.last = at;
  } else counts.set(key, { n: 1, last: at });
}

export async function loadFormHabits(sample = 200): Promise<FormHabits> {
  const recent = await db.activities.orderBy('updatedAt').reverse().filter((r) => !r.deleted).limit(sample).toArray();
  recent.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const sites = new Map<string, { n: number; last: string }>();
  const siteTheme = new Map<string, AdminThemeCode>();
  const themes = new Map<ThemeCode, { n: number; last: string }>();
  const lastWorkshops: Record<string, WorkshopCopy> = {};
  for (const r of recent) {
    for (const t of r.themes) bump(themes, t, r.createdAt);
    if (r.type === 'individuel') {
      for (const id of r.portalLinkIds) {
        bump(sites, id, r.createdAt);
        // newest first: the first category seen is the latest one used with the site
        if (!siteTheme.has(id) && r.adminThemes.length === 1) siteTheme.set(id, r.adminThemes[0]!);
      }
    }
    if (r.type === 'collectif' && r.workshop) {
      const key = workshopKey(r.workshop.title);
      lastWorkshops[key] ??= {
        title: r.workshop.title,
        level: r.workshop.level,
        durationMin: r.durationMin,
        themes: [...r.themes],
        adminThemes: [...r.adminThemes],
        beneficiaries: structuredClone(r.beneficiaries),
      };
    }
  }
  return {
    frequentSites: ranked(sites).map((id) => ({ id, ...(siteTheme.has(id) ? { adminTheme: siteTheme.get(id) } : {}) })),
    frequentThemes: ranked(themes),
    lastWorkshops,
  };
}
