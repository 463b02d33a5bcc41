import { Component, type ComponentChildren } from 'preact';
import { i18next } from '../i18n/index.ts';

interface State {
  error: Error | undefined;
}

/** A screen that failed to render says so in plain words; the person's data is untouched. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: undefined };

  override componentDidCatch(error: Error) {
    this.setState({ error });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main id="main" class="page" role="alert">
        <h1>{i18next.t('error.title')}</h1>
        <p>{i18next.t('error.text')}</p>
        <button class="btn btn-primary" type="button" onClick={() => window.location.reload()}>
          {i18next.t('error.reload')}
        </button>
      </main>
    );
  }
}
