import { useT } from '../../../i18n/use-t.ts';
import { VenueDirectory } from './VenueDirectory.tsx';
import { VenueImport } from './VenueImport.tsx';
import { VenueReports } from './VenueReports.tsx';
import { useStructures } from './useStructures.ts';

/** The venue directory on the hub: the territory's places (search, edit, delete, history), imports and field reports. */
export function VenuesPage() {
  const { t } = useT('coordination');
  const [structures] = useStructures();
  return (
    <div>
      <h1>{t('venues.title')}</h1>
      <VenueDirectory />
      <VenueReports />
      <VenueImport structures={structures} />
      <p>
        <a class="btn" href="/api/v1/admin/venues/export.csv" download>
          {t('venues.export')}
        </a>
      </p>
    </div>
  );
}
