/** The header's menus per role: what each role sees, grouped, and API docs for admins only. */
import { navMenus, type NavEntry } from '../../../src/auth/navigation';

const shape = (entries: NavEntry[]) =>
  entries.map((e) =>
    'link' in e ? e.link.href : `${e.menu.id}: ${e.menu.links.map((l) => l.href).join(' ')}`,
  );

describe('navMenus', () => {
  it('gives admins every page, grouped, API docs under Admin', () => {
    expect(shape(navMenus('admin'))).toEqual([
      '/interactions',
      '/queue',
      'scoring: /calibration /disputes /scorecards',
      'insights: /analytics /coaching /protection',
      'data: /imports /mystery-shop',
      'admin: /admin/users /admin/audit /admin/jobs /admin/retention /api/docs',
    ]);
  });

  it('gives evaluators their work without user admin or API docs', () => {
    expect(shape(navMenus('evaluator'))).toEqual([
      '/interactions',
      '/queue',
      'scoring: /calibration /disputes /scorecards',
      'insights: /analytics /coaching',
      'data: /imports /mystery-shop',
    ]);
  });

  it('turns a menu with one page into a plain link (agents)', () => {
    expect(shape(navMenus('agent'))).toEqual([
      '/interactions',
      '/my/evaluations',
      '/my/profile',
      '/scorecards',
      '/coaching',
    ]);
    expect(shape(navMenus('team_lead'))).toEqual([
      '/interactions',
      'scoring: /disputes /scorecards',
      'insights: /analytics /coaching /protection',
    ]);
    expect(navMenus(undefined)).toEqual([]);
  });

  it('marks the page shown and the menu it is in', () => {
    const entries = navMenus('admin', '/calibration/12');
    const scoring = entries.find((e) => 'menu' in e && e.menu.id === 'scoring');
    expect(scoring && 'menu' in scoring && scoring.menu.current).toBe(true);
    expect(entries.filter((e) => ('link' in e ? e.link.current : e.menu.current)).length).toBe(1);
  });
});
