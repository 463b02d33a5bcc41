import type { PortalCatalogue, PortalCustomisation, PortalLink } from './schema.ts';
import { sha256Hex } from './sha256.ts';

export interface MergeOptions {
  /** entries generated for the structure (its préfectures), added after the catalogue's own */
  generated?: PortalLink[];
  /** keep hidden entries, flagged `hidden: true` (the coordinator's preview); devices never get them */
  includeHidden?: boolean;
}

function strip(link: PortalLink): PortalLink {
  const { pinned: _p, hidden: _h, order: _o, ...rest } = link;
  return rest;
}

/**
 * The catalogue a structure's devices get (protocol.md `GET /api/v1/sync/portal`):
 * 1. the catalogue's entries, then the generated ones (unless the catalogue has that id);
 * 2. each added entry replaces the entry with its id, or is appended;
 * 3. hidden ids are dropped (or flagged with includeHidden);
 * 4. pinned ids come first in pin order, then the `order` ids in that order, then the rest as they were;
 *    `order` is rewritten 0..n-1 and `pinned: true` set on pinned entries.
 * Ids of the customisation that match nothing are ignored (the catalogue may have dropped them).
 */
export function mergeCatalogue(base: PortalCatalogue, custom: PortalCustomisation, opts: MergeOptions = {}): PortalCatalogue {
  const links = new Map<string, PortalLink>();
  for (const l of base.links) links.set(l.id, strip(l));
  for (const l of opts.generated ?? []) if (!links.has(l.id)) links.set(l.id, strip(l));
  for (const l of custom.added) links.set(l.id, strip(l));

  const hidden = new Set(custom.hidden);
  const pinned = custom.pinned.filter((id) => links.has(id));
  const pinRank = new Map(pinned.map((id, i) => [id, i]));
  const orderRank = new Map(custom.order.filter((id) => links.has(id)).map((id, i) => [id, i]));
  const position = new Map([...links.keys()].map((id, i) => [id, i]));

  const rank = (id: string): [number, number] => {
    const p = pinRank.get(id);
    if (p !== undefined) return [0, p];
    const o = orderRank.get(id);
    if (o !== undefined) return [1, o];
    return [2, position.get(id)!];
  };
  const sorted = [...links.values()]
    .filter((l) => opts.includeHidden || !hidden.has(l.id))
    .sort((a, b) => {
      const [ga, ra] = rank(a.id);
      const [gb, rb] = rank(b.id);
      return ga - gb || ra - rb;
    })
    .map((l, order) => ({
      ...l,
      ...(pinRank.has(l.id) ? { pinned: true } : {}),
      ...(hidden.has(l.id) ? { hidden: true } : {}),
      order,
    }));

  const fingerprint = sha256Hex(JSON.stringify([custom, (opts.generated ?? []).map((g) => [g.id, g.url])])).slice(0, 12);
  return { version: `${base.version}+${fingerprint}`, categories: base.categories, links: sorted };
}

/** Problems of a customisation against the catalogue it applies to, as `{ path, message }` in French. */
export function customisationErrors(base: PortalCatalogue, custom: PortalCustomisation, generated: PortalLink[] = []): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const known = new Set([...base.links.map((l) => l.id), ...generated.map((l) => l.id)]);
  const added = new Set<string>();
  custom.added.forEach((l, i) => {
    if (added.has(l.id)) errors.push({ path: `added.${i}.id`, message: `L'identifiant « ${l.id} » est utilisé deux fois.` });
    added.add(l.id);
  });
  for (const list of ['hidden', 'pinned', 'order'] as const) {
    const seen = new Set<string>();
    custom[list].forEach((id, i) => {
      if (!known.has(id) && !added.has(id)) errors.push({ path: `${list}.${i}`, message: `Aucune entrée du portail n'a l'identifiant « ${id} ».` });
      else if (seen.has(id)) errors.push({ path: `${list}.${i}`, message: `L'identifiant « ${id} » est en double.` });
      seen.add(id);
    });
  }
  return errors;
}
