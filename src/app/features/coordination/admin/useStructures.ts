import { useEffect, useState } from 'preact/hooks';
import { call } from '../lib/api.ts';
import type { StructureView } from '../../../../shared/admin-api/structures.ts';

export type { StructureView };

/** The structures of the logged-in user (admins: all). */
export function useStructures(): [StructureView[] | undefined, () => Promise<void>] {
  const [list, setList] = useState<StructureView[]>();
  const reload = async () => setList((await call('StructureListSchema', 'GET', '/api/v1/admin/structures')).structures);
  useEffect(() => void reload().catch(() => setList([])), []);
  return [list, reload];
}
