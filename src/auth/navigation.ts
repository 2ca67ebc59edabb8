/**
 * The header's navigation, grouped so that it fits 1280 px in both languages: the pages a role
 * uses most as links, the rest in menus. A menu left with one page for a role is a plain link.
 * The routes are guarded by the same role sets (roles.ts, navFor).
 */
import { navFor, type Role } from './roles';

export interface NavLink {
  href: string;
  /** Locale key of the label. */
  label: string;
  /** The page shown is this one (or below it). */
  current?: boolean;
}
export interface NavMenu {
  id: string;
  /** Locale key of the menu's label. */
  label: string;
  links: NavLink[];
  current?: boolean;
}
export type NavEntry = { link: NavLink } | { menu: NavMenu };

export function navMenus(role: Role | undefined, path = ''): NavEntry[] {
  const can = navFor(role);
  const here = (href: string) => path === href || path.startsWith(`${href}/`);
  const link = (ok: boolean, href: string, label: string): NavLink[] =>
    ok ? [{ href, label, current: here(href) }] : [];
  const entries: NavEntry[] = [];
  const add = (id: string, label: string, links: NavLink[]) => {
    if (links.length === 1) entries.push({ link: links[0] });
    else if (links.length > 1) {
      entries.push({ menu: { id, label, links, current: links.some((l) => l.current) } });
    }
  };
  add(
    'interactions',
    'nav.interactions',
    link(can.interactions, '/interactions', 'nav.interactions'),
  );
  add('queue', 'nav.queue', link(can.queue, '/queue', 'nav.queue'));
  // An agent's own pages, side by side: they are few.
  for (const l of [
    ...link(can.myEvaluations, '/my/evaluations', 'nav.myEvaluations'),
    ...link(can.myEvaluations, '/my/profile', 'nav.myProfile'),
  ]) {
    entries.push({ link: l });
  }
  add('scoring', 'nav.group.scoring', [
    ...link(can.calibration, '/calibration', 'nav.calibration'),
    ...link(can.disputes, '/disputes', 'nav.disputes'),
    ...link(can.scorecards, '/scorecards', 'nav.scorecards'),
  ]);
  add('insights', 'nav.group.insights', [
    ...link(can.analytics, '/analytics', 'nav.analytics'),
    ...link(can.coaching, '/coaching', 'nav.coaching'),
    ...link(can.protection, '/protection', 'nav.protection'),
  ]);
  add('data', 'nav.group.data', [
    ...link(can.imports, '/imports', 'nav.import'),
    ...link(can.mysteryShop, '/mystery-shop', 'nav.mysteryShop'),
  ]);
  // API docs: for admins, who manage integrations; anyone with a token finds them on the account page.
  add('admin', 'nav.group.admin', [
    ...link(can.users, '/admin/users', 'nav.users'),
    ...link(can.audit, '/admin/audit', 'nav.audit'),
    ...link(role === 'admin', '/admin/jobs', 'nav.jobs'),
    ...link(can.audit, '/admin/retention', 'nav.retention'),
    ...link(role === 'admin', '/api/docs', 'nav.api'),
  ]);
  return entries;
}
