import type { Page } from '@playwright/test';

/** The roles a person acts through: buttons and every kind of form field. */
const CONTROL_ROLES = [
  'button',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'checkbox',
  'radio',
  'switch',
  'spinbutton',
  'slider',
] as const;
type ControlRole = (typeof CONTROL_ROLES)[number] | 'link-button';

/** One control as the accessibility tree names it. */
export interface Control {
  /** `link-button` is a link drawn as a button (class `btn`): it reads as an action. */
  role: ControlRole;
  name: string;
  disabled: boolean;
}

/** `- button "Save" [disabled]` (and `- textbox "Email": value`) in an ARIA snapshot. */
const SNAPSHOT_LINE = new RegExp(
  `^\\s*- (${CONTROL_ROLES.join('|')})(?: "((?:[^"\\\\]|\\\\.)*)")?((?: \\[[^\\]]*\\])*)`,
);

function parseSnapshot(snapshot: string): Control[] {
  const controls: Control[] = [];
  for (const line of snapshot.split('\n')) {
    const match = SNAPSHOT_LINE.exec(line);
    if (!match) continue;
    const [, role, quoted, flags = ''] = match;
    controls.push({
      role: role as ControlRole,
      name: quoted === undefined ? '' : (JSON.parse(`"${quoted}"`) as string),
      disabled: flags.includes('[disabled'),
    });
  }
  return controls;
}

/**
 * Every button, form field and link drawn as a button that a person can see on the page,
 * with its accessible name: what they could act through.
 */
export async function visibleControls(page: Page): Promise<Control[]> {
  const controls = parseSnapshot(await page.locator('body').ariaSnapshot());
  for (const link of await page.locator('a.btn:visible').all()) {
    const [first] = parseSnapshot(
      (await link.ariaSnapshot()).replace(/^(\s*)- link/, '$1- button'),
    );
    controls.push({ role: 'link-button', name: first?.name ?? '', disabled: false });
  }
  return controls;
}

/** What a reader may act through: navigation, disclosure, filters, downloads. */
export interface ReadOnlyControls {
  /** Buttons and link-buttons, by accessible name. */
  actions: readonly (string | RegExp)[];
  /** Form fields that only filter, sort or select what is shown, by accessible name. */
  fields: readonly (string | RegExp)[];
}

const matches = (name: string, allowed: readonly (string | RegExp)[]) =>
  allowed.some((a) => (typeof a === 'string' ? a === name : a.test(name)));

/**
 * What a reader may act through on a project's pages, by accessible name: the shell's own
 * controls, navigation, filters of what is shown, the report downloads. A write control
 * added to any page is not in here, so the viewer tests (viewer-pages, demo) name it.
 */
export const READ_ONLY: ReadOnlyControls = {
  actions: [
    // The shell's own.
    'Sign out',
    // Ways to other pages: a sprint's board and review, the pages an alert points to.
    'Review',
    'Sprint review',
    'Sprint board',
    'See the sprints',
    'See runs',
    'Goals',
    'Sprints',
    'Runs',
    'Deployments',
    'Insights',
    'ROI',
    'Production',
    // The sprint report, downloaded.
    'Report (PDF)',
    'HTML',
    'Markdown',
    // Runs: choosing two to compare is reading.
    'Compare',
    'Close comparison',
    // Paging through what is shown.
    'Previous',
    'Next',
    'Load more',
  ],
  fields: [
    // Runs: filter, sort, tick two to compare.
    'Provenance',
    'Branch',
    'Sort by',
    /^Select run .* to compare$/,
    // Deployments: filter.
    'Environment',
    // Production: the dates shown, by day or week.
    'From',
    'To',
    'Day',
    'Week',
    // Artifacts catalogue: filter, search, sort.
    'Kind',
    'Search',
    'Sort',
  ],
};

/** The controls on the page that are not in the read-only allow-list, as `role "name"`. */
export async function writeControls(
  page: Page,
  allowed: ReadOnlyControls = READ_ONLY,
): Promise<string[]> {
  return (await visibleControls(page))
    .filter((c) =>
      c.role === 'button' || c.role === 'link-button'
        ? !matches(c.name, allowed.actions)
        : !matches(c.name, allowed.fields),
    )
    .map((c) => `${c.role} "${c.name}"${c.disabled ? ' (disabled)' : ''}`);
}
