import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/auth';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Loading } from '../../components/Feedback';
import { Logo } from '../../components/Logo';

const NAV: { to: string; label: string; workspaceAdmin?: boolean }[] = [
  { to: '/portfolio', label: 'Portfolio' },
  { to: '/projects', label: 'Projects' },
  { to: '/artifacts', label: 'Artifacts' },
  { to: '/teams', label: 'Teams' },
  { to: '/tokens', label: 'Tokens' },
  { to: '/account/notifications', label: 'Notifications' },
  { to: '/people', label: 'People', workspaceAdmin: true },
  { to: '/audit', label: 'Audit log', workspaceAdmin: true },
];

/** Header with navigation and the signed-in person; the page below it. */
export function AppShell() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // A followed link closes the small-screen menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  const user = me.data?.user;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/portfolio" className="brand">
            <Logo size={26} />
            <span className="brand__name">Sextant</span>
          </Link>
          <button
            type="button"
            className="btn btn--ghost topbar__menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <div id="main-nav" className={`topbar__nav ${menuOpen ? 'topbar__nav--open' : ''}`}>
            <nav aria-label="Main" className="nav">
              {NAV.filter((item) => !item.workspaceAdmin || user?.isAdmin).map((item) => (
                <NavLink
                  key={item.to}
                  to={item.to}
                  onClick={() => setMenuOpen(false)}
                  className={({ isActive }) => `nav__link ${isActive ? 'nav__link--active' : ''}`}
                >
                  {item.label}
                </NavLink>
              ))}
              <a className="nav__link" href="/api/docs">
                API docs
              </a>
            </nav>
            <div className="account">
              {user ? (
                <NavLink
                  to="/account"
                  end
                  title={`Your account (${user.email})`}
                  className={({ isActive }) =>
                    `account__name ${isActive ? 'account__name--active' : ''}`
                  }
                >
                  {user.name}
                </NavLink>
              ) : null}
              <button
                type="button"
                className="btn btn--small"
                onClick={signOut}
                disabled={logout.isPending}
              >
                Sign out
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          {/* A page's code arrives with its first visit (see App.tsx). */}
          <Suspense fallback={<Loading label="Opening the page…" />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
