import { useMe } from '../../api/auth';
import type { PortfolioFilters as Filters } from '../../api/keys';
import { PORTFOLIO_PAGE_SIZE, usePortfolio } from '../../api/portfolio';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Section, TitledPageHeader } from '../../components/Section';
import { useAddressFilters } from '../../lib/address-filters';
import { PortfolioFilters } from './PortfolioFilters';
import { PortfolioTable } from './PortfolioTable';
import { StageFunnel } from './StageFunnel';
import { WorkspaceFigures } from './WorkspaceFigures';
import { filtersFrom, filtersToParams } from './portfolio-text';
import { NoTeamYet } from '../teams/NoTeamYet';

const NO_FILTERS: Filters = { stage: '', health: '', teamId: '', q: '', sort: 'health', offset: 0 };

/** The head of data science's view: every project's health and KPIs, and the workspace's figures. */
export function PortfolioPage() {
  const me = useMe();
  // Filters, sort and page live in the address.
  const [filters, setFilters] = useAddressFilters(filtersFrom, filtersToParams);
  const portfolio = usePortfolio(filters);
  const teams = me.data?.teams ?? [];
  const filtered = Boolean(filters.stage || filters.health || filters.teamId || filters.q);

  if (me.data && teams.length === 0) {
    return (
      <div className="page">
        <TitledPageHeader title="Portfolio" />
        <NoTeamYet>
          <p>
            The portfolio shows the projects of your teams. Create a team first (you become its
            admin), or ask a team admin to add you.
          </p>
        </NoTeamYet>
      </div>
    );
  }

  const data = portfolio.data;
  const workspace = data?.workspace;
  const offset = filters.offset;
  return (
    <div className="page page--wide">
      <TitledPageHeader
        title="Portfolio"
        subtitle="Every project of your teams: is it on track, and how far did it get?"
      />
      {portfolio.isPending ? (
        <Loading label="Loading the portfolio…" />
      ) : !data || !workspace ? (
        <ErrorNotice error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : workspace.projects === 0 ? (
        <EmptyState title="No projects yet" link={{ to: '/projects', label: 'Go to projects' }}>
          <p>Start a project from the project list; it appears here with its health and KPIs.</p>
        </EmptyState>
      ) : (
        <>
          <WorkspaceFigures workspace={workspace} />
          <Section
            title="Projects per stage"
            description="Where the projects are now, from scoping to retired; dropped ones apart."
            className="portfolio-funnel"
          >
            <StageFunnel perStage={workspace.perStage} />
          </Section>
          <div className="card card--flush">
            <div className="card__toolbar">
              <PortfolioFilters filters={filters} onChange={setFilters} />
            </div>
            {data.items.length === 0 ? (
              filtered ? (
                <EmptyState
                  title="No project matches these filters"
                  action={
                    <button type="button" className="btn" onClick={() => setFilters(NO_FILTERS)}>
                      Clear filters
                    </button>
                  }
                />
              ) : (
                <EmptyState title="No projects on this page">
                  <p>Go back to the first page.</p>
                </EmptyState>
              )
            ) : (
              <PortfolioTable projects={data.items} rules={workspace.rules} />
            )}
            {offset > 0 || data.nextOffset !== null ? (
              <nav className="card__footer portfolio-pager" aria-label="Pages">
                <button
                  type="button"
                  className="btn"
                  disabled={offset === 0 || portfolio.isFetching}
                  onClick={() =>
                    setFilters({ ...filters, offset: Math.max(0, offset - PORTFOLIO_PAGE_SIZE) })
                  }
                >
                  Previous
                </button>
                <span className="portfolio-pager__status">
                  {data.items.length === 0
                    ? `of ${data.total}`
                    : `${offset + 1}–${offset + data.items.length} of ${data.total}`}
                </span>
                <button
                  type="button"
                  className="btn"
                  disabled={data.nextOffset === null || portfolio.isFetching}
                  onClick={() =>
                    data.nextOffset !== null && setFilters({ ...filters, offset: data.nextOffset })
                  }
                >
                  Next
                </button>
              </nav>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
