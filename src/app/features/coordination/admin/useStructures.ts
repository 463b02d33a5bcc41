import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';

export interface StructureView {
  id: string;
  name: string;
  departements: string[];
  settings: {
    placesOfActivity: string[];
    tags: { id: string; label: string }[];
    kioskIdleSeconds: number;
    kioskPinSet: boolean;
    languages: string[];
  };
}

/** The structures of the logged-in user (admins: all). */
export function useStructures(): [StructureView[] | undefined, () => Promise<void>] {
  const [list, setList] = useState<StructureView[]>();
  const reload = async () => setList((await api<{ structures: StructureView[] }>('GET', '/api/v1/admin/structures')).structures);
  useEffect(() => void reload().catch(() => setList([])), []);
  return [list, reload];
}
