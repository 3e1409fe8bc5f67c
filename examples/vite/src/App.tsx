import { useMemo } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { createRestProvider } from 'userscope/adapters/rest';
import { UserscopeProvider } from 'userscope/hooks';
import { API_BASE_URL } from './demo-api';
import { UserRoute } from './routes/UserRoute';
import { UsersRoute } from './routes/UsersRoute';
import { WatchlistRoute } from './routes/WatchlistRoute';

/** The host shell: its own navigation and routes; userscope renders inside `.us-root`. */
export function App() {
  const provider = useMemo(() => createRestProvider({ baseUrl: API_BASE_URL, usersSummary: true }), []);
  return (
    <UserscopeProvider provider={provider} locale="en-US">
      <div className="us-root app">
        <header className="app-header">
          <span className="app-brand">Acme AI · Observability</span>
          <nav aria-label="Main">
            <NavLink to="/users" end>
              Users
            </NavLink>
            <NavLink to="/watchlist">Watchlist</NavLink>
          </nav>
        </header>
        <main className="app-main">
          <Routes>
            <Route path="/" element={<Navigate to="/users" replace />} />
            <Route path="/users" element={<UsersRoute />} />
            <Route path="/users/:userId" element={<UserRoute />} />
            <Route path="/users/:userId/conversations/:conversationId" element={<UserRoute />} />
            <Route path="/watchlist" element={<WatchlistRoute />} />
            <Route path="*" element={<h1>Page not found</h1>} />
          </Routes>
        </main>
      </div>
    </UserscopeProvider>
  );
}
