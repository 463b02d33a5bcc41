import { Route, Router } from 'preact-iso';
import { VenueSearchPage } from './VenueSearchPage.tsx';
import { VenueDetailPage } from './VenueDetailPage.tsx';
import { SlipPage } from './SlipPage.tsx';

/** "Orienter": the directory list, a place's page, and its orientation slip. */
export default function Venues() {
  return (
    <Router>
      <Route path="/" component={VenueSearchPage} />
      <Route path="/:id/fiche" component={SlipPage} />
      <Route path="/:id" component={VenueDetailPage} />
    </Router>
  );
}
