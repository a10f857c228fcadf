import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { isApiError } from './api/errors';
import { keys } from './api/keys';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/sprints.css';
import './styles/runs.css';
import './styles/artifacts.css';
import './styles/insights-roi.css';
import './styles/portfolio.css';
import './styles/audit.css';
import './styles/people.css';
import './styles/sponsor.css';
import './styles/operator-list.css';
import './styles/notifications.css';

/** A 401 anywhere means the session ended: re-reading /me sends the person to sign in. */
function onSessionLost(error: unknown) {
  if (isApiError(error) && error.status === 401) {
    void queryClient.invalidateQueries({ queryKey: keys.me, exact: true });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== keys.me[0]) onSessionLost(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      // A refused sign-in is not a lost session.
      if (mutation.options.mutationKey?.[0] !== 'login') onSessionLost(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      // Client errors will not change on retry; network blips might.
      retry: (count, error) =>
        count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
