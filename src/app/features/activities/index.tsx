import { Route, Router, useRoute } from 'preact-iso';
import { ActivityList } from './list/ActivityList.tsx';
import { ActivityForm } from './form/ActivityForm.tsx';

function NewActivity() {
  const { query } = useRoute();
  return <ActivityForm key="new" duplicateId={query.dupliquer} orientationVenueId={query.orientation} />;
}

function EditActivity() {
  const { params, query } = useRoute();
  return <ActivityForm key={params.id} activityId={params.id} orientationVenueId={query.orientation} />;
}

/** Activity logging: "Mes accompagnements", the new-record form and the edit form. */
export default function Activities() {
  return (
    <Router>
      <Route path="/" component={ActivityList} />
      <Route path="/nouveau" component={NewActivity} />
      <Route path="/:id" component={EditActivity} />
    </Router>
  );
}
