import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import { getLocalKioskPinHash, getPortalEtag, loadPortalCatalogue, savePortalCatalogue, setLocalKioskPinHash } from '../../../src/app/db/portal.ts';
import { DEFAULT_CATALOGUE } from '../../../src/shared/portal/default-catalogue.ts';
import { kioskPinHash } from '../../../src/shared/portal/pin.ts';

describe('the portal catalogue on the device', () => {
  beforeEach(async () => {
    await db.kv.clear();
  });

  it('falls back to the bundled catalogue before any pull', async () => {
    expect((await loadPortalCatalogue()).version).toBe(DEFAULT_CATALOGUE.version);
    expect(await getPortalEtag()).toBeUndefined();
  });

  it('keeps the pulled catalogue and its ETag, and refuses a malformed one', async () => {
    const pulled = { ...DEFAULT_CATALOGUE, version: 'hub-7', links: DEFAULT_CATALOGUE.links.slice(0, 3) };
    await savePortalCatalogue(pulled, '"abc"');
    expect((await loadPortalCatalogue()).links.map((l) => l.id)).toEqual(pulled.links.map((l) => l.id));
    expect(await getPortalEtag()).toBe('"abc"');
    await expect(savePortalCatalogue({ version: 'x', categories: [], links: [{ id: 'bad' }] } as never, '"def"')).rejects.toThrow();
    expect(await getPortalEtag()).toBe('"abc"');
  });

  it('stores only the hash of a PIN chosen on the device', async () => {
    await setLocalKioskPinHash(kioskPinHash('2468'));
    expect(await getLocalKioskPinHash()).toBe(kioskPinHash('2468'));
    expect(JSON.stringify(await db.kv.toArray())).not.toContain('"2468"');
  });
});
